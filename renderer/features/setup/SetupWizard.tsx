// First run: office profile → first partner → recovery code (shown once) → signed in.
import { Stepper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../electron/contract/procedures/auth';
import type { OfficeProfile } from '../../../electron/contract/schemas';
import { AuthLayout } from '../../components/AuthLayout';
import { EMPTY_OFFICE } from '../../components/OfficeProfileFields';
import { signInWith } from '../auth/signInWith';
import { OfficeStep } from './OfficeStep';
import { PartnerStep } from './PartnerStep';
import { RecoveryStep } from './RecoveryStep';

export interface SetupDone {
  recoveryCode: string;
  token: string | null;
  session: SessionInfo | null;
}

export function SetupWizard(): React.JSX.Element {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [office, setOffice] = useState<OfficeProfile>(EMPTY_OFFICE);
  const [officeIssues, setOfficeIssues] = useState<unknown>(null);
  const [done, setDone] = useState<SetupDone | null>(null);

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')} width={760}>
      <Stepper active={step} size="sm" allowNextStepsSelect={false} data-testid="setup-stepper">
        <Stepper.Step label={t('setup.step_office')} description={t('setup.step_office_hint')}>
          <OfficeStep
            initial={office}
            serverError={officeIssues}
            onNext={(values) => {
              setOffice(values);
              setOfficeIssues(null);
              setStep(1);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={t('setup.step_partner')} description={t('setup.step_partner_hint')}>
          <PartnerStep
            office={office}
            onBack={() => setStep(0)}
            onOfficeRejected={(error) => {
              setOfficeIssues(error);
              setStep(0);
            }}
            onCreated={(result) => {
              setDone(result);
              setStep(2);
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={t('setup.step_recovery')} description={t('setup.step_recovery_hint')}>
          {done ? (
            <RecoveryStep
              code={done.recoveryCode}
              onContinue={async () => {
                if (done.session) await signInWith(done.token, done.session);
                else window.location.reload();
              }}
            />
          ) : null}
        </Stepper.Step>
      </Stepper>
    </AuthLayout>
  );
}

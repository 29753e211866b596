// How a template is written (the markers of electron/domain/template/parse.ts), folded away under the editor.
import { Accordion, Code, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// The examples are template text, the same in every language; their explanations are translated.
const SYNTAX = [
  ['{{debtor.name}}', 'syntax_field'],
  ['{{case.balance | words}}', 'syntax_filter'],
  ['{{debtor.address | default:"—"}}', 'syntax_default'],
  ['{{#if debtor.isCompany}}…{{else}}…{{/if}}', 'syntax_if'],
  ['# …', 'syntax_title_line'],
  ['## …', 'syntax_subject'],
  ['>> …', 'syntax_end'],
  ['^^ …', 'syntax_centre'],
  ['---', 'syntax_rule'],
  ['[[qr]]', 'syntax_qr'],
  ['**…**', 'syntax_bold'],
] as const;

export function SyntaxHelp(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Accordion variant="contained" data-testid="template-syntax">
      <Accordion.Item value="syntax">
        <Accordion.Control>{t('templates.syntax_title')}</Accordion.Control>
        <Accordion.Panel>
          <Table verticalSpacing={4} fz="sm">
            <Table.Tbody>
              {SYNTAX.map(([example, key]) => (
                <Table.Tr key={key}>
                  <Table.Td w="45%">
                    <Code dir="ltr">{example}</Code>
                  </Table.Td>
                  <Table.Td>{t(`templates.${key}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

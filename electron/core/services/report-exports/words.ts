// The words an exported report prints: the same locale files the screens use, so a report reads the same on paper.
import { formatGregorian, formatNumber, GREGORIAN_MONTHS_AR, GREGORIAN_MONTHS_EN } from '../../../domain/format';
import type { AgingBucket } from '../../../contract/procedures/reports';
import { AGING_BUCKET_FROM, AGING_BUCKETS } from '../../../contract/procedures/reports';
import reportsAr from '../../../../locales/ar/reports.json';
import reportsEn from '../../../../locales/en/reports.json';
import casesAr from '../../../../locales/ar/cases.json';
import casesEn from '../../../../locales/en/cases.json';
import calendarAr from '../../../../locales/ar/calendar.json';
import calendarEn from '../../../../locales/en/calendar.json';
import paymentsAr from '../../../../locales/ar/payments.json';
import paymentsEn from '../../../../locales/en/payments.json';
import appAr from '../../../../locales/ar/app.json';
import appEn from '../../../../locales/en/app.json';

export type Lang = 'ar' | 'en';

const ALL = {
  ar: { r: reportsAr.reports, cases: casesAr, calendar: calendarAr, payments: paymentsAr.payments, roles: appAr.roles },
  en: { r: reportsEn.reports, cases: casesEn, calendar: calendarEn, payments: paymentsEn.payments, roles: appEn.roles },
};

export type ReportWords = (typeof ALL)['en'];

export interface Words {
  lang: Lang;
  digits: 'western' | 'arabic';
  w: ReportWords;
  /** `{{name}}` placeholders filled in, as i18next does on screen. */
  fill(template: string, params: Record<string, string | number>): string;
  /** The label of a coded value from a catalogue, or the code itself. */
  label(map: Record<string, unknown>, code: string | null | undefined): string;
  bucket(b: AgingBucket): string;
  month(ym: string): string;
  date(iso: string): string;
  num(n: number): string;
}

export function wordsFor(lang: Lang, digits: 'western' | 'arabic'): Words {
  const f = { lang, digits };
  const fill = (template: string, params: Record<string, string | number>): string =>
    template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
  const w: ReportWords = ALL[lang];
  return {
    lang,
    digits,
    w,
    fill,
    label: (map, code) => {
      if (code === null || code === undefined || code === '') return '';
      const v = map[code];
      return typeof v === 'string' ? v : code;
    },
    bucket: (b) => {
      const i = AGING_BUCKETS.indexOf(b);
      const from = AGING_BUCKET_FROM[b];
      const next = AGING_BUCKETS[i + 1];
      if (next === undefined) return fill(w.r.bucket_over, { n: formatNumber(from - 1, f) });
      return fill(w.r.bucket_range, { from: formatNumber(from, f), to: formatNumber(AGING_BUCKET_FROM[next] - 1, f) });
    },
    month: (ym) => {
      const y = Number(ym.slice(0, 4));
      const m = Number(ym.slice(5, 7));
      const names = lang === 'ar' ? GREGORIAN_MONTHS_AR : GREGORIAN_MONTHS_EN;
      return `${names[m - 1] ?? ym} ${formatNumber(y, f).replace(/[,٬]/g, '')}`;
    },
    date: (iso) => formatGregorian(iso, f),
    num: (n) => formatNumber(n, f),
  };
}

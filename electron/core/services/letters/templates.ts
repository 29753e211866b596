// Templates: the office edits each kind in Arabic and English; a text with any problem is refused at save.
import type { TemplateDetail, TemplateSummary } from '../../../contract/procedures/letters';
import { TEMPLATE_KINDS, TEMPLATE_LANGS, fieldsForKind, sampleValues, usedFields, validateTemplate, renderTemplate, type TemplateKind, type TemplateLang } from '../../../domain/template';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import type { Db } from '../../../../db/open';
import { deleteTemplate, getTemplate, listTemplates, saveTemplate } from '../../../../db/queries/letters';
import { findUserById, listUsers } from '../../../../db/queries/users';
import { getOffice } from '../../../../db/queries/office';
import { renderLetters } from '../../pdf';
import { composeLetter, letterDocumentOptions } from '../../letters/compose';
import { defaultTemplate } from '../../letters/defaults';
import { newVerifyCode, prepareLetter, templateBody } from '../../letters/produce';
import { loadLadder } from '../cases/facts';
import { LetterSource } from '../../letters/values';
import { letterDigits, today } from './rows';

type TemplateHandlers = Pick<Handlers, 'templates.list' | 'templates.get' | 'templates.save' | 'templates.reset' | 'templates.preview'>;

function detail(db: Db, kind: TemplateKind, lang: TemplateLang): TemplateDetail {
  const row = getTemplate(db, kind, lang);
  const defaultBody = defaultTemplate(kind, lang);
  return {
    kind,
    lang,
    customised: row !== undefined,
    updatedAt: row?.updatedAt ?? null,
    updatedByName: row?.updatedBy ? (findUserById(db, row.updatedBy)?.displayName ?? '') : '',
    body: row?.body ?? defaultBody,
    defaultBody,
    version: row?.version ?? null,
    fields: fieldsForKind(kind).map((f) => ({ path: f.path, type: f.type, group: f.group })),
  };
}

export const templateHandlers: TemplateHandlers = {
  'templates.list': (ctx) => {
    const db = ctx.db();
    const names = new Map(listUsers(db).map((u) => [u.id, u.displayName]));
    const rows = new Map(listTemplates(db).map((t) => [`${t.kind}.${t.lang}`, t]));
    const out: TemplateSummary[] = [];
    for (const kind of TEMPLATE_KINDS) {
      for (const lang of TEMPLATE_LANGS) {
        const row = rows.get(`${kind}.${lang}`);
        out.push({ kind, lang, customised: row !== undefined, updatedAt: row?.updatedAt ?? null, updatedByName: row?.updatedBy ? (names.get(row.updatedBy) ?? '') : '' });
      }
    }
    return out;
  },

  'templates.get': (ctx, input) => detail(ctx.db(), input.kind, input.lang),

  'templates.save': (ctx, input) => {
    const problems = validateTemplate(input.body, input.kind);
    if (problems.length > 0) throw new CoreError('templates.invalid', 'The template has problems', problems);
    const now = ctx.core.now().toISOString();
    return ctx.write((db) => {
      const before = getTemplate(db, input.kind, input.lang);
      const ok = saveTemplate(db, { kind: input.kind, lang: input.lang, body: input.body.replace(/\r\n/g, '\n'), version: input.version, by: ctx.user?.id ?? null, at: now });
      if (!ok) throw new CoreError('conflict.stale', 'The template was changed by someone else', detail(db, input.kind, input.lang));
      return {
        result: detail(db, input.kind, input.lang),
        audit: { entity: 'template', entityId: `${input.kind}.${input.lang}`, before: before ? { body: before.body } : { default: true }, after: { body: input.body } },
      };
    });
  },

  'templates.reset': (ctx, input) =>
    ctx.write((db) => {
      const before = getTemplate(db, input.kind, input.lang);
      deleteTemplate(db, input.kind, input.lang);
      return {
        result: detail(db, input.kind, input.lang),
        audit: { entity: 'template', entityId: `${input.kind}.${input.lang}`, before: before ? { body: before.body } : { default: true }, after: { default: true } },
      };
    }),

  'templates.preview': async (ctx, input) => {
    const started = performance.now();
    const db = ctx.db();
    const body = input.body ?? templateBody(db, input.kind, input.lang);
    const problems = validateTemplate(body, input.kind);
    const office = getOffice(db);
    const digits = letterDigits(ctx);
    const opts = letterDocumentOptions(office, input.lang, digits);
    if (problems.length > 0) {
      return { pdfBase64: '', problems, missing: [], ms: Math.round(performance.now() - started) };
    }
    let content;
    let missing: string[] = [];
    if (input.caseId !== null) {
      const prepared = prepareLetter(new LetterSource(db), input.caseId, {
        kind: input.kind,
        lang: input.lang,
        digits,
        body,
        today: today(ctx),
        // A preview is not a letter: it shows where the number and code will go without taking them.
        outgoingNumber: 'OUT-0000-000000',
        verifyCode: 'PREV-IEW0-0000',
        deadlineDays: null,
        inputs: input.inputs,
        ladder: loadLadder(db),
      });
      if (!prepared) throw new CoreError('not_found', 'No such case');
      content = prepared.content;
      missing = prepared.missing;
    } else {
      const values = { ...sampleValues(input.lang), 'letter.verifyCode': newVerifyCode() };
      content = composeLetter(renderTemplate(body, values, { lang: input.lang, digits }));
      missing = usedFields(body, values);
    }
    const merged = await renderLetters(opts, [content]);
    return { pdfBase64: Buffer.from(merged.pdf).toString('base64'), problems: [], missing, ms: Math.round(performance.now() - started) };
  },
};

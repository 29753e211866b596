// Search folding of Arabic names: spelling variants of one name must meet in one form.
import { describe, expect, it } from 'vitest';
import { foldText, matchesSearch, normalizeForSearch, searchTokens } from '../../../electron/domain/arabic-text';

describe('normalizeForSearch: variants that must meet', () => {
  it.each([
    [['أحمد', 'احمد', 'إحمد', 'آحمد', 'ٱحمد', 'أَحْمَد'], 'احمد'],
    [['فاطمة', 'فاطمه', 'فَاطِمَة'], 'فاطمه'],
    [['مصطفى', 'مصطفي', 'مُصْطَفَى'], 'مصطفي'],
    [['مؤسسة', 'موسسة', 'مؤسسه'], 'موسسه'],
    [['هيئة', 'هيئه', 'هييه'], 'هييه'],
    [['عائشة', 'عايشه', 'عَائِشَة'], 'عايشه'],
    [['محمد عبدالله', 'محمد عبد الله', 'مُحَمَّد عَبْد اللَّه', 'محمد  عبد   الله'], 'محمد عبدالله'],
    [['عبد الرحمن', 'عبدالرحمن', 'عبد الرّحمٰن'], 'عبدالرحمن'],
    [['عبد العزيز آل سعود', 'عبدالعزيز ال سعود'], 'عبدالعزيز ال سعود'],
    [['أبو بكر', 'ابوبكر', 'ابو بكر'], 'ابوبكر'],
    [['مـــحـــمـــد', 'محمد'], 'محمد'], // tatweel
    [['یاسر', 'ياسر'], 'ياسر'], // Farsi yeh
    [['کریم', 'كريم'], 'كريم'], // keheh and Farsi yeh
  ])('%j → %j', (variants, expected) => {
    for (const variant of variants) expect(normalizeForSearch(variant)).toBe(expected);
  });

  it('strips Quranic-style diacritics and marks', () => {
    expect(normalizeForSearch('بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ')).toBe('بسم الله الرحمن الرحيم');
    // The dagger alif (U+0670) is dropped, which is ordinary spelling for ذلك and الرحمن but gives الكتب
    // and ملك for the Quranic الكتاب and مالك; names in the office's data do not use it.
    expect(normalizeForSearch('ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ')).toBe('ذلك الكتب لا ريب فيه هدي للمتقين');
    expect(normalizeForSearch('مَـٰلِكِ يَوْمِ ٱلدِّينِ ۝٤')).toBe('ملك يوم الدين 4');
  });

  it('folds digits, Latin case and accents, punctuation and whitespace', () => {
    expect(normalizeForSearch('شركة  الراجحي، فرع ٣٢٥؛ (الرياض)')).toBe('شركه الراجحي فرع 325 الرياض');
    expect(normalizeForSearch('Al-Rajhi  BANK')).toBe('al rajhi bank');
    expect(normalizeForSearch('José Müller')).toBe('jose muller');
    expect(normalizeForSearch('ملف رقم ۱۲۳/٤٥')).toBe('ملف رقم 123 45');
    expect(normalizeForSearch('  \u200Fأحمد\u200E  ')).toBe('احمد');
    expect(normalizeForSearch('')).toBe('');
    expect(normalizeForSearch('  ،.؟!  ')).toBe('');
  });

  it('expands presentation forms and ligatures from PDFs', () => {
    expect(normalizeForSearch('ﻻ إله إﻻ ﷲ')).toBe('لا اله الا الله');
    expect(normalizeForSearch('ﺃﺣﻤﺪ')).toBe('احمد');
  });

  it('keeps the standalone hamza and does not touch ordinary letters', () => {
    expect(normalizeForSearch('علاء')).toBe('علاء');
    expect(normalizeForSearch('علاء')).not.toBe(normalizeForSearch('علا'));
  });
});

describe('searchTokens', () => {
  it('joins عبد and أبو with the following word only', () => {
    expect(searchTokens('محمد بن عبد الله آل الشيخ')).toEqual(['محمد', 'بن', 'عبدالله', 'ال', 'الشيخ']);
    expect(searchTokens('أبو عبد الله')).toEqual(['ابوعبد', 'الله']);
    expect(searchTokens('خالد أبو')).toEqual(['خالد', 'ابو']);
    expect(searchTokens('عبد')).toEqual(['عبد']);
  });

  it('leaves folded text unjoined in foldText', () => {
    expect(foldText('محمد عبد الله')).toBe('محمد عبد الله');
  });
});

describe('matchesSearch', () => {
  const debtor = 'مُحَمَّد عبد الرحمن الأحمدي — 0551234567';

  it('matches words in any order and by part of a word', () => {
    expect(matchesSearch(debtor, 'عبدالرحمن')).toBe(true);
    expect(matchesSearch(debtor, 'احمدي محمد')).toBe(true);
    expect(matchesSearch(debtor, 'عبد')).toBe(true);
    expect(matchesSearch(debtor, 'الاحمد')).toBe(true);
    expect(matchesSearch(debtor, '055123')).toBe(true);
    expect(matchesSearch(debtor, '')).toBe(true);
  });

  it('does not match absent words', () => {
    expect(matchesSearch(debtor, 'خالد')).toBe(false);
    expect(matchesSearch(debtor, 'محمد خالد')).toBe(false);
  });
});

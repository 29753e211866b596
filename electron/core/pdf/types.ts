// Public types of the PDF engine: text spans, paragraph/table options and document options.

/** A piece of text with one style. `isolate` keeps dates, references, IBANs and amounts in their own order. */
export interface Span {
  text: string;
  bold?: boolean;
  isolate?: 'ltr' | 'rtl' | 'auto';
}

export type RichText = string | readonly Span[];

export type Lang = 'ar' | 'en';
export type Digits = 'western' | 'arabic';
/** start/end follow the paragraph direction: start is the right edge in Arabic. */
export type Align = 'start' | 'end' | 'center' | 'justify';

export interface TextStyle {
  /** Font size in pt. */
  size?: number;
  bold?: boolean;
  /** Gray level 0 (black) … 1 (white); only grays, so everything prints the same on any printer. */
  gray?: number;
}

export interface ParagraphOptions extends TextStyle {
  align?: Align;
  /** Line height as a multiple of the font size. */
  lineHeight?: number;
  /** Space before / after the paragraph, in mm. */
  spaceBefore?: number;
  spaceAfter?: number;
  /** Paragraph direction; defaults to the document's (rtl for Arabic, ltr for English). */
  dir?: 'rtl' | 'ltr' | 'auto';
  /** Indent of the start edge, in mm. */
  indent?: number;
}

export interface HeadingOptions {
  level?: 1 | 2 | 3;
  align?: Align;
}

export interface TableColumn {
  header: RichText;
  /** Relative width (weights are scaled to the available width). */
  width: number;
  align?: Align;
}

export interface TableOptions {
  size?: number;
  /** Alternate row shading (light grey). Default true. */
  zebra?: boolean;
  /** Cell borders. Default true. */
  borders?: boolean;
  /** Repeat the header row on every page the table continues on. Default true. */
  repeatHeader?: boolean;
  /** A last row in bold on the header's shade (the sums of amount columns); one cell per column, '' for none. */
  totals?: readonly RichText[];
  spaceAfter?: number;
}

export interface SignatureBlock {
  name: RichText;
  title?: RichText;
  lines?: readonly RichText[];
  /** Space left for a signature and stamp, in mm. Default 18. */
  space?: number;
  align?: 'start' | 'end' | 'center';
}

export interface ImageSource {
  bytes: Uint8Array;
  type: 'png' | 'jpeg';
}

export interface Letterhead {
  nameAr: string;
  nameEn: string;
  licence?: string;
  cr?: string;
  addressAr?: string;
  addressEn?: string;
  phone?: string;
  email?: string;
  logo?: ImageSource;
}

export interface DocumentOptions {
  lang: Lang;
  /** Digits for numbers the engine writes itself (page numbers). */
  digits?: Digits;
  letterhead?: Letterhead;
  /** Lines printed above the page number on every page. */
  footer?: readonly RichText[];
  /** Folder holding Vazirmatn-Regular.ttf and Vazirmatn-Bold.ttf; found automatically from source. */
  fontsDir?: string;
  /** Page numbers "صفحة ١ من ٣" / "Page 1 of 3". Default true. */
  pageNumbers?: boolean;
  /** Body text size in pt. Default 11. */
  size?: number;
  title?: string;
}

/** One bar of a chart: its length (minor units or a count, never negative) and the figure written beside it. */
export interface ChartItem {
  label: RichText;
  value: number;
  display: RichText;
}

export interface ChartOptions {
  /** bars: horizontal; funnel: centred bars narrowing down (a pipeline); columns: vertical (months). */
  kind: 'bars' | 'funnel' | 'columns';
  title?: RichText;
  /** Space after the chart, in mm. Default 5. */
  spaceAfter?: number;
}

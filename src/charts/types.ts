/** A ready-made series: charts only draw what they are given. */
export interface BarDatum {
  key: string;
  label: string;
  /** 0–100, or null for "no score". */
  value: number | null;
}

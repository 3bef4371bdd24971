/** The «Læring for næring» network in Møre og Romsdal. Names never change with the language. */
export interface NetworkMunicipality {
  number: string;
  name: string;
  /** The written form the municipality has chosen (målvedtak). */
  writtenForm: 'nynorsk' | 'bokmål' | 'neutral';
}

export const NETWORK_MUNICIPALITIES: readonly NetworkMunicipality[] = [
  { number: '1580', name: 'Haram', writtenForm: 'nynorsk' },
  { number: '1516', name: 'Ulstein', writtenForm: 'nynorsk' },
  { number: '1528', name: 'Sykkylven', writtenForm: 'nynorsk' },
  { number: '1576', name: 'Aure', writtenForm: 'neutral' },
  { number: '1506', name: 'Molde', writtenForm: 'neutral' },
  { number: '1563', name: 'Sunndal', writtenForm: 'neutral' },
  { number: '1560', name: 'Tingvoll', writtenForm: 'neutral' },
];

export function findNetworkMunicipality(number: string): NetworkMunicipality | undefined {
  return NETWORK_MUNICIPALITIES.find((m) => m.number === number);
}

/** Kommunenummer are four digits; the first two are the county. */
export function isValidMunicipalityNumber(value: string): boolean {
  return /^\d{4}$/.test(value) && value !== '0000';
}

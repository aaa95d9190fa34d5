import { OAS_MEMBER_STATES } from '../../services/kit/countries';
import { COUNTRY_BOXES } from '../../services/organizations/data/country-boxes';
import { countriesAt } from '../../services/organizations/places';

/** Capitals of the Member States (approximate city centres). */
const CAPITALS: Record<string, [number, number]> = {
  AG: [17.12, -61.85],
  AR: [-34.6, -58.38],
  BS: [25.05, -77.35],
  BB: [13.1, -59.62],
  BZ: [17.25, -88.77],
  BO: [-16.5, -68.15],
  BR: [-15.79, -47.88],
  CA: [45.42, -75.7],
  CL: [-33.45, -70.67],
  CO: [4.71, -74.07],
  CR: [9.93, -84.08],
  CU: [23.11, -82.37],
  DM: [15.3, -61.39],
  DO: [18.47, -69.9],
  EC: [-0.18, -78.47],
  SV: [13.69, -89.22],
  GD: [12.05, -61.75],
  GT: [14.63, -90.51],
  GY: [6.8, -58.16],
  HT: [18.59, -72.31],
  HN: [14.07, -87.19],
  JM: [18.0, -76.79],
  MX: [19.43, -99.13],
  NI: [12.11, -86.24],
  PA: [8.98, -79.52],
  PY: [-25.26, -57.58],
  PE: [-12.05, -77.04],
  KN: [17.3, -62.72],
  LC: [14.01, -60.99],
  VC: [13.16, -61.22],
  SR: [5.85, -55.2],
  TT: [10.65, -61.5],
  US: [38.9, -77.04],
  UY: [-34.9, -56.16],
  VE: [10.49, -66.88],
};

/** Cities near a border: in their own country's boxes, never missed, and (where listed) not in the neighbour's. */
const BORDER_CITIES: [string, [number, number], string, string | null][] = [
  ['Tapachula', [14.91, -92.26], 'MX', 'GT'],
  ['Quetzaltenango', [14.83, -91.52], 'GT', 'MX'],
  ['Monterrey', [25.67, -100.31], 'MX', 'US'],
  ['Houston', [29.76, -95.37], 'US', 'MX'],
  ['San Diego', [32.72, -117.16], 'US', 'MX'],
  ['Tijuana', [32.51, -117.04], 'MX', 'US'],
  ['Reynosa', [26.09, -98.28], 'MX', null],
  ['Ciudad Acuña', [29.32, -100.93], 'MX', null],
  ['Ciudad Juárez', [31.69, -106.42], 'MX', null],
  ['Toronto', [43.65, -79.38], 'CA', 'US'],
  ['Vancouver', [49.28, -123.12], 'CA', 'US'],
  ["St. John's", [47.56, -52.71], 'CA', null],
  ['Chicago', [41.88, -87.63], 'US', 'CA'],
  ['Oswego', [43.46, -76.5], 'US', null],
  ['Key West', [24.55, -81.8], 'US', 'MX'],
  ['Mendoza', [-32.89, -68.83], 'AR', 'CL'],
  ['Valparaíso', [-33.05, -71.62], 'CL', 'AR'],
  ['Iquique', [-20.21, -70.15], 'CL', 'BO'],
  ['Pedro Juan Caballero', [-22.55, -55.73], 'PY', null],
  ['Foz do Iguaçu', [-25.55, -54.58], 'BR', null],
  ['Tabatinga', [-4.25, -69.94], 'BR', null],
  ['Rio Branco', [-9.97, -67.8], 'BR', null],
  ['Tumbes', [-3.57, -80.45], 'PE', null],
  ['Ipiales', [0.83, -77.64], 'CO', null],
  ['Maracaibo', [10.65, -71.64], 'VE', 'CO'],
  ['Cúcuta', [7.89, -72.5], 'CO', null],
  ['Puerto Barrios', [15.73, -88.6], 'GT', null],
  ['Galápagos (Puerto Ayora)', [-0.74, -90.31], 'EC', null],
  ['Buenos Aires', [-34.6, -58.38], 'AR', 'UY'],
];

/** The boxes that place a near search's point in a country (coverage, docs/search.md): coarse, but never missing a country's cities. */
describe('country boxes', () => {
  it('has valid boxes for every Member State and no other code', () => {
    expect(Object.keys(COUNTRY_BOXES).sort()).toEqual([...OAS_MEMBER_STATES].sort());
    for (const boxes of Object.values(COUNTRY_BOXES)) {
      for (const [west, south, east, north] of boxes) {
        expect(west).toBeLessThan(east);
        expect(south).toBeLessThan(north);
        expect(Math.abs(west) <= 180 && Math.abs(east) <= 180 && Math.abs(south) <= 90 && Math.abs(north) <= 90).toBe(true);
      }
    }
  });

  it('places each capital in its own country only', () => {
    for (const [code, [latitude, longitude]] of Object.entries(CAPITALS)) {
      expect([code, countriesAt({ latitude, longitude })]).toEqual([code, [code]]);
    }
  });

  it('places border cities in their country, and the listed ones not in the neighbour', () => {
    for (const [name, [latitude, longitude], country, not] of BORDER_CITIES) {
      const found = countriesAt({ latitude, longitude });
      expect([name, found.includes(country)]).toEqual([name, true]);
      if (not) expect([name, found.includes(not)]).toEqual([name, false]);
    }
  });

  it('places a point far out at sea in no country', () => {
    expect(countriesAt({ latitude: 0, longitude: -120 })).toEqual([]);
    expect(countriesAt({ latitude: -40, longitude: -30 })).toEqual([]);
  });
});

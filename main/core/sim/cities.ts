/**
 * Real data-centre cities for the simulated fleet: ISO 3166-1 alpha-2 country, continent, lat/lon.
 * The first 24 are the default demo fleet: 22 countries on 6 continents.
 */
export interface City {
  code: string;
  name: string;
  country: string;
  continent: 'eu' | 'na' | 'sa' | 'as' | 'oc' | 'af';
  lat: number;
  lon: number;
}

const c = (
  code: string,
  name: string,
  country: string,
  continent: City['continent'],
  lat: number,
  lon: number,
): City => ({
  code,
  name,
  country,
  continent,
  lat,
  lon,
});

export const CITIES: readonly City[] = [
  c('fra', 'Frankfurt', 'DE', 'eu', 50.11, 8.68),
  c('ams', 'Amsterdam', 'NL', 'eu', 52.37, 4.9),
  c('par', 'Paris', 'FR', 'eu', 48.86, 2.35),
  c('sto', 'Stockholm', 'SE', 'eu', 59.33, 18.07),
  c('hel', 'Helsinki', 'FI', 'eu', 60.17, 24.94),
  c('dub', 'Dublin', 'IE', 'eu', 53.35, -6.26),
  c('lon', 'London', 'GB', 'eu', 51.51, -0.13),
  c('zrh', 'Zurich', 'CH', 'eu', 47.38, 8.54),
  c('osl', 'Oslo', 'NO', 'eu', 59.91, 10.75),
  c('waw', 'Warsaw', 'PL', 'eu', 52.23, 21.01),
  c('mad', 'Madrid', 'ES', 'eu', 40.42, -3.7),
  c('mil', 'Milan', 'IT', 'eu', 45.46, 9.19),
  c('ash', 'Ashburn', 'US', 'na', 39.04, -77.49),
  c('dfw', 'Dallas', 'US', 'na', 32.78, -96.8),
  c('hil', 'Hillsboro', 'US', 'na', 45.52, -122.99),
  c('mtl', 'Montreal', 'CA', 'na', 45.5, -73.57),
  c('sao', 'São Paulo', 'BR', 'sa', -23.55, -46.63),
  c('tyo', 'Tokyo', 'JP', 'as', 35.68, 139.69),
  c('sin', 'Singapore', 'SG', 'as', 1.35, 103.82),
  c('bom', 'Mumbai', 'IN', 'as', 19.08, 72.88),
  c('sel', 'Seoul', 'KR', 'as', 37.57, 126.98),
  c('syd', 'Sydney', 'AU', 'oc', -33.87, 151.21),
  c('jnb', 'Johannesburg', 'ZA', 'af', -26.2, 28.05),
  c('rkv', 'Reykjavik', 'IS', 'eu', 64.15, -21.94),
  // Beyond the default 24, for larger simulated fleets.
  c('muc', 'Munich', 'DE', 'eu', 48.14, 11.58),
  c('ber', 'Berlin', 'DE', 'eu', 52.52, 13.4),
  c('mrs', 'Marseille', 'FR', 'eu', 43.3, 5.37),
  c('cph', 'Copenhagen', 'DK', 'eu', 55.68, 12.57),
  c('vie', 'Vienna', 'AT', 'eu', 48.21, 16.37),
  c('prg', 'Prague', 'CZ', 'eu', 50.08, 14.44),
  c('bru', 'Brussels', 'BE', 'eu', 50.85, 4.35),
  c('lis', 'Lisbon', 'PT', 'eu', 38.72, -9.14),
  c('ath', 'Athens', 'GR', 'eu', 37.98, 23.73),
  c('buh', 'Bucharest', 'RO', 'eu', 44.43, 26.1),
  c('tor', 'Toronto', 'CA', 'na', 43.65, -79.38),
  c('chi', 'Chicago', 'US', 'na', 41.88, -87.63),
  c('phx', 'Phoenix', 'US', 'na', 33.45, -112.07),
  c('atl', 'Atlanta', 'US', 'na', 33.75, -84.39),
  c('sea', 'Seattle', 'US', 'na', 47.61, -122.33),
  c('nyc', 'New York', 'US', 'na', 40.71, -74.01),
  c('mex', 'Mexico City', 'MX', 'na', 19.43, -99.13),
  c('scl', 'Santiago', 'CL', 'sa', -33.45, -70.67),
  c('bog', 'Bogotá', 'CO', 'sa', 4.71, -74.07),
  c('osa', 'Osaka', 'JP', 'as', 34.69, 135.5),
  c('hkg', 'Hong Kong', 'HK', 'as', 22.32, 114.17),
  c('jkt', 'Jakarta', 'ID', 'as', -6.21, 106.85),
  c('maa', 'Chennai', 'IN', 'as', 13.08, 80.27),
  c('mel', 'Melbourne', 'AU', 'oc', -37.81, 144.96),
  c('akl', 'Auckland', 'NZ', 'oc', -36.85, 174.76),
  c('dxb', 'Dubai', 'AE', 'as', 25.2, 55.27),
  c('tlv', 'Tel Aviv', 'IL', 'as', 32.09, 34.78),
  c('nbo', 'Nairobi', 'KE', 'af', -1.29, 36.82),
  c('los', 'Lagos', 'NG', 'af', 6.52, 3.38),
  c('cai', 'Cairo', 'EG', 'af', 30.04, 31.24),
];

/**
 * Where each Member State lies, as latitude/longitude boxes: [west, south, east, north] in decimal degrees
 * (WGS 84). A near search takes its point to lie in every country one of whose boxes holds it
 * (places.ts countriesAt), to find that country's NATIONAL and INTERNATIONAL services.
 *
 * Enlace has no country borders and no maintained geometry package is installed, so these are bounding
 * boxes, rounded outwards to 0.01 degree from the countries' extreme points (Natural Earth 1:10m admin-0,
 * main territory and inhabited islands). A country shaped unlike a box has several (Mexico, the United
 * States, Canada), so that a box of one does not cover the capital of a neighbour. Their limits, which
 * docs/search.md repeats:
 * - a box holds the country, and some of its neighbours near the border and of the sea: a point there is in
 *   both countries (both countries' hotlines are found), never in none;
 * - remote islands far from the mainland (Galápagos and Easter Island have their own boxes; Isla de Aves,
 *   Clipperton, the Aleutians west of 180° and the US Pacific islands but Hawaii have none) are left out.
 */
export const COUNTRY_BOXES: Readonly<Record<string, readonly (readonly [number, number, number, number])[]>> = {
  AG: [[-61.91, 16.98, -61.66, 17.73]],
  AR: [[-73.58, -55.06, -53.63, -21.78]],
  BB: [[-59.66, 13.03, -59.41, 13.34]],
  BO: [[-69.65, -22.9, -57.45, -9.67]],
  BR: [[-74.0, -33.76, -34.79, 5.27]],
  BS: [[-80.5, 20.9, -72.7, 27.3]],
  BZ: [[-89.23, 15.88, -87.48, 18.5]],
  CA: [
    [-141.01, 48.3, -52.61, 83.12],
    [-83.15, 41.67, -74.3, 48.3],
    [-74.3, 43.38, -59.68, 48.3],
  ],
  CL: [
    [-75.7, -55.99, -66.95, -17.49],
    [-109.47, -27.21, -109.22, -27.05],
  ],
  CO: [
    [-79.03, -4.23, -66.85, 12.47],
    [-81.74, 12.48, -81.68, 13.4],
  ],
  CR: [[-85.96, 8.02, -82.55, 11.22]],
  CU: [[-84.96, 19.82, -74.13, 23.28]],
  DM: [[-61.49, 15.2, -61.24, 15.64]],
  DO: [[-72.01, 17.47, -68.32, 19.94]],
  EC: [
    [-81.09, -5.02, -75.18, 1.69],
    [-92.01, -1.43, -89.24, 1.67],
  ],
  GD: [[-61.8, 11.98, -61.38, 12.54]],
  GT: [[-92.24, 13.73, -88.22, 17.82]],
  GY: [[-61.42, 1.16, -56.48, 8.56]],
  HN: [[-89.36, 12.98, -83.13, 17.42]],
  HT: [[-74.49, 18.02, -71.62, 20.09]],
  JM: [[-78.37, 17.7, -76.18, 18.53]],
  KN: [[-62.87, 17.09, -62.53, 17.42]],
  LC: [[-61.08, 13.7, -60.87, 14.11]],
  MX: [
    [-118.4, 17.82, -86.71, 32.72],
    [-105.7, 14.53, -92.2, 17.82],
    [-92.24, 16.07, -90.44, 17.82],
  ],
  NI: [[-87.69, 10.7, -82.72, 15.03]],
  PA: [[-83.06, 7.2, -77.16, 9.65]],
  PE: [[-81.34, -18.35, -68.65, -0.03]],
  PY: [[-62.65, -27.61, -54.25, -19.28]],
  SR: [[-58.08, 1.83, -53.95, 6.01]],
  SV: [[-90.13, 13.14, -87.68, 14.46]],
  TT: [[-61.93, 10.03, -60.49, 11.36]],
  US: [
    [-124.77, 32.53, -66.94, 49.39],
    [-114.82, 31.33, -106.5, 32.53],
    [-106.65, 25.83, -93.5, 32.53],
    [-93.5, 28.9, -80.03, 32.53],
    [-83.0, 24.52, -80.03, 28.9],
    [-179.15, 51.2, -129.97, 71.4],
    [-160.25, 18.9, -154.8, 22.24],
  ],
  UY: [[-58.44, -34.98, -53.07, -30.08]],
  VC: [[-61.46, 12.58, -61.11, 13.38]],
  VE: [[-73.38, 0.64, -59.8, 12.2]],
};

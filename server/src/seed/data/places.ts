/**
 * Communes by académie, with the postal code and the 3-digit département prefix that real UAIs
 * start with (Corsica 620/720, overseas 97x), plus street and establishment namesakes.
 */
export interface Commune {
  city: string;
  postalCode: string;
  /** First three digits of the UAIs of this département. */
  department: string;
  academy: string;
}

const ACADEMIES: Record<string, string> = {
  Lyon: `Lyon 69003 069; Villeurbanne 69100 069; Vénissieux 69200 069; Vaulx-en-Velin 69120 069;
    Saint-Priest 69800 069; Caluire-et-Cuire 69300 069; Bron 69500 069; Villefranche-sur-Saône 69400 069;
    Bourg-en-Bresse 01000 001; Oyonnax 01100 001; Saint-Étienne 42000 042; Roanne 42300 042; Montbrison 42600 042`,
  Grenoble: `Grenoble 38000 038; Échirolles 38130 038; Saint-Martin-d'Hères 38400 038; Vienne 38200 038;
    Valence 26000 026; Montélimar 26200 026; Annecy 74000 074; Thonon-les-Bains 74200 074;
    Chambéry 73000 073; Aix-les-Bains 73100 073; Privas 07000 007; Annonay 07100 007`,
  'Clermont-Ferrand': `Clermont-Ferrand 63000 063; Riom 63200 063; Vichy 03200 003; Montluçon 03100 003;
    Aurillac 15000 015; Le Puy-en-Velay 43000 043`,
  Paris: 'Paris 75011 075; Paris 75015 075; Paris 75020 075',
  Créteil: `Créteil 94000 094; Vitry-sur-Seine 94400 094; Saint-Denis 93200 093; Montreuil 93100 093;
    Meaux 77100 077; Melun 77000 077`,
  Versailles: `Versailles 78000 078; Nanterre 92000 092; Argenteuil 95100 095; Évry-Courcouronnes 91000 091`,
  Lille: `Lille 59000 059; Roubaix 59100 059; Tourcoing 59200 059; Dunkerque 59140 059; Arras 62000 062;
    Lens 62300 062`,
  'Aix-Marseille': `Marseille 13013 013; Aix-en-Provence 13100 013; Avignon 84000 084; Gap 05000 005`,
  Bordeaux: `Bordeaux 33000 033; Mérignac 33700 033; Pessac 33600 033; Pau 64000 064; Bayonne 64100 064;
    Périgueux 24000 024; Agen 47000 047; Mont-de-Marsan 40000 040`,
  Rennes: `Rennes 35000 035; Brest 29200 029; Quimper 29000 029; Lorient 56100 056; Vannes 56000 056;
    Saint-Brieuc 22000 022`,
  Nantes: `Nantes 44000 044; Saint-Nazaire 44600 044; Angers 49000 049; Le Mans 72000 072;
    La Roche-sur-Yon 85000 085; Laval 53000 053`,
  Toulouse: 'Toulouse 31000 031; Montauban 82000 082; Albi 81000 081; Tarbes 65000 065',
  Montpellier: 'Montpellier 34000 034; Nîmes 30000 030; Perpignan 66000 066; Béziers 34500 034',
  Strasbourg: 'Strasbourg 67000 067; Colmar 68000 068; Mulhouse 68100 068',
  'Nancy-Metz': 'Nancy 54000 054; Metz 57000 057; Épinal 88000 088',
  Normandie: `Rouen 76000 076; Le Havre 76600 076; Caen 14000 014; Évreux 27000 027;
    Cherbourg-en-Cotentin 50100 050`,
  Nice: 'Nice 06000 006; Toulon 83000 083; Cannes 06400 006',
  Corse: 'Ajaccio 20000 620; Bastia 20200 720',
  'La Réunion': 'Saint-Denis 97400 974; Saint-Pierre 97410 974',
  'Orléans-Tours': 'Orléans 45000 045; Tours 37000 037; Blois 41000 041; Bourges 18000 018',
  Dijon: "Dijon 21000 021; Chalon-sur-Saône 71100 071; Auxerre 89000 089",
  Besançon: 'Besançon 25000 025; Belfort 90000 090',
  Poitiers: 'Poitiers 86000 086; La Rochelle 17000 017; Niort 79000 079',
  Limoges: 'Limoges 87000 087',
  Amiens: 'Amiens 80000 080; Beauvais 60000 060; Saint-Quentin 02100 002',
  Reims: 'Reims 51100 051; Troyes 10000 010; Charleville-Mézières 08000 008',
};

export const COMMUNES: Commune[] = Object.entries(ACADEMIES).flatMap(([academy, list]) =>
  list.split(';').map((entry) => {
    const m = /^\s*(.+?) (\d{5}) (\d{3})\s*$/.exec(entry);
    if (!m) throw new Error(`bad commune entry: ${entry}`);
    return { city: m[1] as string, postalCode: m[2] as string, department: m[3] as string, academy };
  }),
);

export function commune(city: string, postalCode: string): Commune {
  const found = COMMUNES.find((c) => c.city === city && c.postalCode === postalCode);
  if (!found) throw new Error(`unknown commune ${city} ${postalCode}`);
  return found;
}

const split = (text: string): string[] => text.trim().split(/\s*;\s*/);

export const STREET_TYPES = split('rue; rue; rue; avenue; boulevard; allée; chemin; place; impasse');
export const STREET_NAMES = split(`Victor Hugo; Jean Jaurès; Jules Ferry; Louis Pasteur; Jean Moulin; Marie Curie;
  Gambetta; de la République; de la Liberté; des Écoles; du Stade; de la Gare; des Tilleuls; des Lilas;
  du 8 Mai 1945; Émile Zola; Anatole France; Voltaire; des Marronniers; du Moulin; de la Paix;
  Pierre Brossolette; Aristide Briand; du Général Leclerc; des Peupliers; Paul Vaillant-Couturier; de l'Église;
  Georges Clemenceau; des Acacias; de Verdun`);

export const ECOLE_NAMESAKES = split(`Jacques Prévert; Jules Ferry; Jean de La Fontaine; Marcel Pagnol; Louis Pasteur;
  Victor Hugo; Paul Langevin; des Tilleuls; Antoine de Saint-Exupéry; Jean Macé; Pierre et Marie Curie;
  Condorcet; Françoise Dolto; Louise Michel; Robert Doisneau; du Petit Prince; des Marronniers; Paul Bert;
  Jean Zay; Simone Veil; Arc-en-ciel; Les Coquelicots; Anne Frank; Joséphine Baker`);
export const COLLEGE_NAMESAKES = split(`Jean Moulin; Victor Hugo; Jules Ferry; Louise Michel; Simone Veil; Albert Camus;
  Jean Jaurès; Pablo Picasso; Georges Brassens; Marie Curie; Anne Frank; Paul Éluard; Jean Rostand;
  Camille Claudel; Henri Wallon; Olympe de Gouges; Lucie Aubrac; Gisèle Halimi; Aimé Césaire; Jean Monnet;
  Jacques Prévert; Molière; Alexandre Dumas; Rosa Parks; Boris Vian; Pierre de Ronsard; Germaine Tillion`);
export const LYCEE_NAMESAKES = split(`Condorcet; Marcelin Berthelot; Ampère; Lumière; Jean-Pierre Vernant;
  Édouard Herriot; Gustave Eiffel; Honoré de Balzac; Saint-Exupéry; Marguerite Yourcenar; Rosa Parks;
  Blaise Pascal; Jacques Brel; Simone de Beauvoir; George Sand; Émile Zola; Descartes; Louis Armand;
  Marie Curie; Jean Perrin; Albert Einstein; Colette; Charles Baudelaire; Jean Monnet`);

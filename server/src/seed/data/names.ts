/**
 * French given names and surnames for generated people. Children's names follow the births of
 * 2008–2022, adults' those of 1965–1995, so that a class register and a parents' list each look
 * like the real thing. Accents, hyphens, apostrophes and particles are deliberate: they exercise
 * sorting, search and login folding.
 */
const words = (text: string): string[] => text.trim().split(/\s*,\s*/);

export const CHILD_FEMALE = words(`
  Emma, Jade, Louise, Alice, Chloé, Lina, Léa, Rose, Anna, Mila, Inès, Ambre, Julia, Mia, Léna,
  Manon, Juliette, Lou, Zoé, Camille, Agathe, Jeanne, Lola, Éva, Nina, Romane, Sarah, Inaya,
  Charlotte, Louna, Clara, Margaux, Lucie, Maëlys, Anaïs, Océane, Noémie, Elsa, Maëlle, Yasmine,
  Salomé, Héloïse, Capucine, Apolline, Victoire, Adèle, Iris, Céleste, Éléonore, Marie-Lou, Aya,
  Fatoumata, Aïcha, Maryam, Nour, Thaïs, Alix, Maïwenn, Gabrielle, Clémence, Mathilde, Léonie,
  Lise, Ninon, Suzanne, Olivia, Kenza, Assia, Lyna, Naëlle, Romy, Anouk, Billie, Maya, Albane,
  Marie-Ève, Anne-Sophie, Laura, Justine, Éloïse, Cléa, Faustine, Mélissa, Shaïna, Emmy
`);

export const CHILD_MALE = words(`
  Gabriel, Léo, Raphaël, Arthur, Louis, Jules, Adam, Maël, Lucas, Hugo, Noah, Liam, Gabin, Sacha,
  Paul, Nathan, Aaron, Mohamed, Ethan, Tom, Éden, Léon, Noé, Tiago, Théo, Isaac, Marius, Victor,
  Martin, Mathis, Axel, Timéo, Enzo, Clément, Baptiste, Maxime, Antoine, Alexandre, Valentin,
  Quentin, Nolan, Evan, Yanis, Rayan, Ibrahim, Youssef, Amir, Malo, Côme, Elio, Jean-Baptiste,
  Pierre-Louis, Lenny, Kylian, Matéo, Gaël, Titouan, Corentin, Erwan, Elouan, Bastien, Nicolas,
  Simon, Augustin, Anatole, Joseph, Ismaël, Naël, Wassim, Mamadou, Oscar, Robin, Félix, Samuel,
  Benjamin, Loïc, Mattéo, Noam, Eliott, Timothée, Yassine, Ilyès, Aurélien, Jean-Marie, Nino
`);

export const ADULT_FEMALE = words(`
  Nathalie, Isabelle, Sylvie, Catherine, Valérie, Sandrine, Stéphanie, Céline, Aurélie, Émilie,
  Julie, Caroline, Virginie, Christelle, Delphine, Sophie, Karine, Laetitia, Audrey, Élodie,
  Sabrina, Vanessa, Mélanie, Hélène, Anne, Marie, Claire, Véronique, Florence, Cécile, Agnès,
  Béatrice, Marie-Ève, Marie-Christine, Anne-Laure, Marie-Hélène, Fatima, Samira, Nadia, Karima,
  Leïla, Amélie, Gaëlle, Maud, Solène, Ophélie, Séverine, Géraldine, Myriam, Laurence, Corinne,
  Estelle, Alexandra, Marion, Pauline, Jennifer, Jessica, Aïssatou, Mariama, Nguyet, Linh, Anne-Claire,
  Élise, Bérénice, Coralie, Magali, Muriel, Patricia, Sonia, Yasmina, Houria, Noëlle, Françoise
`);

export const ADULT_MALE = words(`
  Sébastien, Nicolas, Christophe, Stéphane, Frédéric, Laurent, David, Olivier, Julien, Jérôme,
  Cédric, Thierry, Philippe, Éric, Pascal, Vincent, Franck, Guillaume, Mathieu, Fabrice, Arnaud,
  Grégory, Damien, Romain, Benoît, Emmanuel, Jean-Baptiste, Jean-Marc, Jean-François, Jean-Luc,
  Pierre-Yves, François, Anthony, Mickaël, Yannick, Hervé, Gilles, Patrick, Karim, Mehdi, Rachid,
  Mamadou, Moussa, Loïc, Gaëtan, Jérémy, Maxime, Alexandre, Thomas, Yann, Ronan, Gwénaël, Bruno,
  Didier, Lionel, Ludovic, Sylvain, Xavier, Jean-Michel, Abdelkader, Samir, Farid, Hakim, Minh,
  Cyril, Florian, Raphaël, Bertrand, Joël, Régis, Noël, Aurélien, Jean-Philippe, Gérald, Hugues
`);

/** Second and third given names ("Zoé Marie Anne"), stored in first_names. */
export const MIDDLE_FEMALE = words(
  'Marie, Anne, Louise, Jeanne, Claire, Catherine, Élisabeth, Madeleine, Françoise, Rose, Hélène, Geneviève',
);
export const MIDDLE_MALE = words('Pierre, Jean, Louis, Marie, Joseph, Paul, André, Henri, Michel, François, Jacques, Étienne');

export const LAST_NAMES = words(`
  Martin, Bernard, Thomas, Petit, Robert, Richard, Durand, Dubois, Moreau, Laurent, Simon, Michel,
  Lefèvre, Leroy, Roux, David, Bertrand, Morel, Fournier, Girard, Bonnet, Dupont, Lambert,
  Fontaine, Rousseau, Vincent, Muller, Lefebvre, Faure, André, Mercier, Blanc, Guérin, Boyer,
  Garnier, Chevalier, François, Legrand, Gauthier, Garcia, Perrin, Robin, Clément, Morin, Nicolas,
  Henry, Roussel, Mathieu, Gautier, Masson, Marchand, Duval, Denis, Dumont, Marie, Lemaire, Noël,
  Meyer, Dufour, Meunier, Brun, Blanchard, Giraud, Joly, Rivière, Lucas, Brunet, Gaillard,
  Barbier, Arnaud, Martinez, Gérard, Roche, Renard, Schmitt, Roy, Leroux, Colin, Vidal, Caron,
  Picard, Roger, Fabre, Aubert, Lemoine, Renaud, Dumas, Lacroix, Olivier, Philippe, Bourgeois,
  Pierre, Benoît, Rey, Leclerc, Payet, Rolland, Leclercq, Guillaume, Lecomte, Lopez, Jean, Dupuy,
  Guillot, Hubert, Berger, Carpentier, Sanchez, Dupuis, Moulin, Louis, Deschamps, Huet, Vasseur,
  Perez, Boucher, Fleury, Royer, Klein, Jacquet, Adam, Paris, Poirier, Marty, Aubry, Guyot,
  Carré, Charles, Renault, Charpentier, Ménard, Maillard, Baron, Bertin, Bailly, Hervé, Schneider,
  Fernandez, Le Gall, Collet, Léger, Bouvier, Julien, Prévost, Millet, Perrot, Le Roux, Cousin,
  Germain, Breton, Besson, Langlois, Rémy, Le Goff, Pelletier, Lévêque, Perrier, Leblanc, Barré,
  Lebrun, Marchal, Weber, Mallet, Hamon, Boulanger, Jacob, Monnier, Michaud, Rodriguez, Guichard,
  Gillet, Étienne, Grondin, Poulain, Tessier, Chevallier, Collin, Chauvin, Da Silva, Bouchet,
  Lemaître, Bénard, Maréchal, Humbert, Reynaud, Hoarau, Barthélemy, Cordier, Pichon, Lejeune,
  Lamy, Delaunay, Pasquier, Carlier, Laporte, N'Diaye, Diallo, Traoré, Koné, Diop, Sow, Camara,
  Benali, Haddad, Belkacem, Bensaïd, Mansouri, Nguyen, Tran, Pham, D'Almeida, Dos Santos,
  Ferreira, Pereira, Rodrigues, De Oliveira, D'Angelo, de La Fontaine, Le Bihan, Le Floch,
  Kerbrat, Le Guen, Quéméner, Martin-Dubois, Petit-Jean, Saint-Martin, Lefèvre-Duval, L'Hôte,
  D'Arcy, Le Hénaff, du Plessis, Yilmaz, Çelik, Öztürk, Kowalski, Ferrari, Esposito, Mbappé,
  Achour, Chevrier, Thévenin, Gounod, Beaulieu, Després, Lagarde, Bouchard, Vallée, Desmarais
`);

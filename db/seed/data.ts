/**
 * People and places for the demo data. A region carries the naming culture most of its people
 * come from and the language their bios are written in; the seed mixes cultures a little,
 * as art scenes do.
 */
export type Lang = "en" | "fr" | "es" | "pt" | "de" | "ja" | "ko";

export type Region = { name: string; culture: string; lang: Lang; weight: number };

const w = (s: string) => s.split(",").map((x) => x.trim());

/** First names, then family names, per naming culture. */
export const NAMES: Record<string, { first: string[]; last: string[] }> = {
  pt: { first: w("Inês, João, Mariana, Tiago, Beatriz, Rui, Leonor, Duarte, Carolina, Afonso, Matilde, Gonçalo"), last: w("Carvalho, Ferreira, Sousa, Almeida, Ribeiro, Pires, Lopes, Teixeira, Moura, Nogueira, Pinto, Barros") },
  br: { first: w("Luana, Caio, Thaís, Rafael, Yara, Davi, Camila, Igor, Júlia, Renan, Aline, Otávio"), last: w("Silva, Santos, Oliveira, Costa, Rocha, Nascimento, Araújo, Cavalcanti, Moraes, Lima, Freitas, Batista") },
  fr: { first: w("Camille, Léa, Hugo, Chloé, Mathis, Inès, Théo, Manon, Louis, Zoé, Élodie, Baptiste"), last: w("Martin, Bernard, Dubois, Lefèvre, Moreau, Girard, Fontaine, Rousseau, Lambert, Mercier, Chevalier, Gauthier") },
  qc: { first: w("Gabrielle, Félix, Maude, Olivier, Rosalie, Étienne, Laurence, Mathieu, Florence, Samuel"), last: w("Tremblay, Gagnon, Bouchard, Côté, Pelletier, Bélanger, Lévesque, Ouellet, Gauthier, Roy") },
  sn: { first: w("Awa, Moussa, Fatou, Ibrahima, Aminata, Cheikh, Mariama, Ousmane, Khady, Modou"), last: w("Diop, Ndiaye, Fall, Sow, Ba, Sarr, Faye, Diallo, Gueye, Mbaye") },
  es: { first: w("Lucía, Javier, Carmen, Pablo, Nerea, Álvaro, Irene, Marcos, Ainhoa, Sergio, Paula, Íñigo"), last: w("García, Fernández, López, Martínez, Sánchez, Romero, Navarro, Ortega, Iglesias, Castillo, Molina, Serrano") },
  latam: { first: w("Ximena, Diego, Valeria, Emiliano, Fernanda, Santiago, Itzel, Mateo, Renata, Joaquín, Camila, Tomás"), last: w("Hernández, Ramírez, Flores, Cruz, Morales, Reyes, Gutiérrez, Mendoza, Vargas, Quispe, Rojas, Salazar") },
  de: { first: w("Lena, Jonas, Mia, Felix, Hannah, Lukas, Clara, Moritz, Greta, Paul, Johanna, Malte"), last: w("Müller, Schmidt, Schneider, Fischer, Weber, Becker, Hoffmann, Krüger, Wagner, Vogel, Brandt, Scholz") },
  ja: { first: w("Haruka, Yuto, Aoi, Ren, Sakura, Sota, Mei, Kaito, Yui, Daichi, Hina, Riku"), last: w("Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Nakamura, Kobayashi, Yamamoto, Kato, Ogawa, Mori") },
  ko: { first: w("Ji-woo, Seo-yeon, Min-jun, Ha-eun, Do-yun, Ye-jin, Seung-hoon, Soo-ah, Jae-won, Eun-ji, Hyun-woo, Da-in"), last: w("Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin") },
  ng: { first: w("Chiamaka, Tunde, Ngozi, Emeka, Adaeze, Oluwaseun, Folake, Chinedu, Amara, Kelechi, Zainab, Ifeoma"), last: w("Okafor, Adeyemi, Okonkwo, Balogun, Eze, Nwosu, Adebayo, Obi, Ogunleye, Bello, Okeke, Afolabi") },
  gh: { first: w("Wanjiru, Kofi, Ama, Otieno, Akosua, Kwame, Njeri, Baraka, Esi, Yaw, Amani, Efua"), last: w("Mensah, Owusu, Kamau, Odhiambo, Boateng, Mwangi, Asante, Achieng, Wanyama, Appiah, Ochieng, Quaye") },
  za: { first: w("Thandiwe, Sipho, Lerato, Thabo, Naledi, Bongani, Zanele, Lwazi, Refilwe, Kagiso"), last: w("Dlamini, Nkosi, Mokoena, Khumalo, Ndlovu, van Wyk, Molefe, Zulu, Botha, Mahlangu") },
  gb: { first: w("Olivia, Harry, Amelia, Oscar, Isla, George, Freya, Alfie, Poppy, Rory, Imogen, Callum"), last: w("Smith, Jones, Taylor, Evans, Hughes, Walker, Wright, Hall, Clarke, Turner, Murphy, Doyle") },
  us: { first: w("Maya, Jordan, Ava, Ethan, Zoe, Marcus, Harper, Caleb, Nia, Tyler, Riley, Andre"), last: w("Johnson, Williams, Brown, Miller, Davis, Wilson, Anderson, Thompson, Moore, Jackson, Rivera, Brooks") },
  in: { first: w("Ananya, Arjun, Priya, Rohan, Meera, Kabir, Ishita, Vikram, Nandini, Aarav, Tara, Dev"), last: w("Sharma, Iyer, Patel, Reddy, Nair, Gupta, Menon, Kapoor, Banerjee, Rao, Desai, Bose") },
  zh: { first: w("Wei, Xinyi, Hao, Mei-ling, Jun, Yutong, Zhiwei, Lan, Yichen, Ruoxi, Kai, Shu-fen"), last: w("Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Lin, Wu, Tsai, Ho") },
  ar: { first: w("Layla, Omar, Yasmin, Karim, Nour, Rami, Salma, Tarek, Hana, Youssef, Dina, Samir"), last: w("Haddad, Khalil, Mansour, Nasser, Saleh, Aziz, Farouk, Hamdan, Sabbagh, Khoury, Bennani, El Amrani") },
  nl: { first: w("Sanne, Daan, Fleur, Bram, Noor, Jesse, Lotte, Sem, Femke, Thijs"), last: w("de Vries, Jansen, Bakker, Visser, Smit, Meijer, de Boer, Mulder, Bos, Vermeulen") },
  nordic: { first: w("Astrid, Elias, Freja, Oskar, Saga, Nils, Ingrid, Aksel, Linnea, Emil, Sigrid, Jonne"), last: w("Lindqvist, Johansson, Nielsen, Halvorsen, Virtanen, Berg, Dahl, Holm, Eriksen, Korhonen, Sørensen, Ekström") },
  it: { first: w("Giulia, Marco, Chiara, Luca, Sofia, Matteo, Alessia, Lorenzo, Francesca, Davide, Nicoletta, Pietro"), last: w("Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, De Luca, Conti") },
  pl: { first: w("Zofia, Jakub, Maja, Kacper, Alicja, Tomasz, Natalia, Bartosz, Agnieszka, Łukasz"), last: w("Nowak, Wójcik, Mazur, Krawczyk, Zając, Król, Wieczorek, Dudek, Pawlak, Sikora") },
  tr: { first: w("Elif, Emre, Zeynep, Can, Defne, Mert, Ayşe, Kerem, Ece, Barış"), last: w("Yılmaz, Kaya, Demir, Şahin, Çelik, Aydın, Öztürk, Arslan, Koç, Aksoy") },
  sea: { first: w("Linh, Minh, Thảo, Quân, Bea, Paolo, Ayu, Dimas, Katrina, Putri, Tuấn, Sari"), last: w("Nguyễn, Trần, Phạm, Santos, Reyes, Bautista, Villanueva, Wijaya, Santoso, Pratama, Hidayat, Kusuma") },
};

const r = (name: string, culture: string, lang: Lang, weight = 1): Region => ({ name, culture, lang, weight });

/** Real cities; weight is how likely a seeded person lives there (bigger scenes, more people). */
export const REGIONS: Region[] = [
  r("Lisbon, PT", "pt", "pt", 3), r("Porto, PT", "pt", "pt", 2),
  r("São Paulo, BR", "br", "pt", 3), r("Rio de Janeiro, BR", "br", "pt", 2), r("Salvador, BR", "br", "pt"),
  r("Paris, FR", "fr", "fr", 3), r("Marseille, FR", "fr", "fr", 2), r("Lyon, FR", "fr", "fr"), r("Brussels, BE", "fr", "fr", 2),
  r("Montréal, CA", "qc", "fr", 3), r("Québec City, CA", "qc", "fr"), r("Dakar, SN", "sn", "fr", 2), r("Marrakesh, MA", "ar", "fr"),
  r("Madrid, ES", "es", "es", 2), r("Barcelona, ES", "es", "es", 3), r("Valencia, ES", "es", "es"),
  r("Mexico City, MX", "latam", "es", 3), r("Oaxaca, MX", "latam", "es"), r("Buenos Aires, AR", "latam", "es", 2),
  r("Bogotá, CO", "latam", "es", 2), r("Lima, PE", "latam", "es"), r("Santiago, CL", "latam", "es"),
  r("Berlin, DE", "de", "de", 4), r("Leipzig, DE", "de", "de", 2), r("Hamburg, DE", "de", "de"), r("Vienna, AT", "de", "de", 2), r("Zürich, CH", "de", "de"),
  r("Tokyo, JP", "ja", "ja", 3), r("Osaka, JP", "ja", "ja"), r("Kyoto, JP", "ja", "ja", 2), r("Fukuoka, JP", "ja", "ja"),
  r("Seoul, KR", "ko", "ko", 3), r("Busan, KR", "ko", "ko"), r("Gwangju, KR", "ko", "ko"),
  r("Lagos, NG", "ng", "en", 3), r("Abuja, NG", "ng", "en"), r("Accra, GH", "gh", "en", 2), r("Nairobi, KE", "gh", "en", 2),
  r("Johannesburg, ZA", "za", "en", 2), r("Cape Town, ZA", "za", "en"),
  r("London, GB", "gb", "en", 4), r("Glasgow, GB", "gb", "en"), r("Manchester, GB", "gb", "en"), r("Dublin, IE", "gb", "en"), r("Melbourne, AU", "gb", "en"),
  r("New York, US", "us", "en", 4), r("Los Angeles, US", "us", "en", 2), r("Chicago, US", "us", "en"), r("New Orleans, US", "us", "en"),
  r("Toronto, CA", "us", "en", 2), r("Vancouver, CA", "us", "en"),
  r("Mumbai, IN", "in", "en", 2), r("New Delhi, IN", "in", "en"), r("Bengaluru, IN", "in", "en"),
  r("Taipei, TW", "zh", "en", 2), r("Shanghai, CN", "zh", "en"), r("Hong Kong, HK", "zh", "en", 2), r("Singapore, SG", "zh", "en"),
  r("Beirut, LB", "ar", "en", 2), r("Cairo, EG", "ar", "en"), r("Amman, JO", "ar", "en"),
  r("Amsterdam, NL", "nl", "en", 2), r("Rotterdam, NL", "nl", "en"),
  r("Copenhagen, DK", "nordic", "en", 2), r("Stockholm, SE", "nordic", "en"), r("Oslo, NO", "nordic", "en"), r("Helsinki, FI", "nordic", "en"),
  r("Milan, IT", "it", "en", 2), r("Naples, IT", "it", "en"), r("Warsaw, PL", "pl", "en"), r("Kraków, PL", "pl", "en"),
  r("Istanbul, TR", "tr", "en", 2), r("Ho Chi Minh City, VN", "sea", "en"), r("Manila, PH", "sea", "en"), r("Yogyakarta, ID", "sea", "en"),
];

export const cityOf = (region: string) => region.split(",")[0]!.trim();

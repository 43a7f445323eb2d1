/*
 * gencorpus: synthetic, news-like conflict-reporting corpus for benchmarks.
 *
 *   gencorpus [--mb N] [--format jsonl|text] [--seed S] [--docs N]
 *             [--text-out FILE] > out
 *
 * Every template, word list and quotation below was written for this
 * program; the articles are random recombinations and describe no real
 * event. Output is fully determined by the seed (own splitmix64 PRNG), and
 * the sequence of documents does not depend on --format, so
 * `--format jsonl --text-out t.txt` writes the texts of exactly the JSONL
 * documents to t.txt.
 *
 * C11, libc only.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(a) ((a)[rn(NELEM(a))])

/* UTF-8 punctuation, kept as byte escapes so the source stays ASCII-clean
 * where it matters. */
#define EMD "\xE2\x80\x94"  /* em dash */
#define END_ "\xE2\x80\x93" /* en dash */
#define LDQ "\xE2\x80\x9C"
#define RDQ "\xE2\x80\x9D"
#define LSQ "\xE2\x80\x98"
#define RSQ "\xE2\x80\x99"
#define NBSP "\xC2\xA0"
#define LSEP "\xE2\x80\xA8"
#define PARA_MARK '\x01'

/* ------------------------------------------------------------------ */
/* string buffer                                                       */

typedef struct {
    char *p;
    size_t n, cap;
} sb_t;

static void die(const char *msg)
{
    fprintf(stderr, "gencorpus: %s\n", msg);
    exit(1);
}

static void sb_grow(sb_t *b, size_t need)
{
    if (b->n + need + 1 <= b->cap)
        return;
    size_t c = b->cap ? b->cap : 4096;
    while (c < b->n + need + 1)
        c *= 2;
    char *q = realloc(b->p, c);
    if (!q)
        die("out of memory");
    b->p = q;
    b->cap = c;
}

static void sb_add(sb_t *b, const char *s, size_t n)
{
    sb_grow(b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void sb_s(sb_t *b, const char *s) { sb_add(b, s, strlen(s)); }

static void sb_c(sb_t *b, char c)
{
    sb_grow(b, 1);
    b->p[b->n++] = c;
    b->p[b->n] = 0;
}

static void sb_clear(sb_t *b)
{
    b->n = 0;
    if (b->p)
        b->p[0] = 0;
}

static void sb_u(sb_t *b, unsigned long v)
{
    char t[32];
    int k = snprintf(t, sizeof t, "%lu", v);
    sb_add(b, t, (size_t)k);
}

/* ------------------------------------------------------------------ */
/* PRNG: splitmix64                                                    */

static uint64_t rng_state;

static uint64_t rnext(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* uniform in [0, n), n < 2^32 */
static size_t rn(size_t n) { return (size_t)(((rnext() >> 32) * (uint64_t)n) >> 32); }

static double ru(void) { return (double)(rnext() >> 11) * (1.0 / 9007199254740992.0); }

static int chance(double p) { return ru() < p; }

static long rrange(long lo, long hi) { return lo + (long)rn((size_t)(hi - lo + 1)); }

static const char *pickz(const char *const *v)
{
    size_t n = 0;
    while (v[n])
        n++;
    return v[rn(n)];
}

/* exp() without libm: (1 + x/1024)^1024, good to <1% for |x| < 4 */
static double xexp(double x)
{
    double y = 1.0 + x / 1024.0;
    for (int i = 0; i < 10; i++)
        y *= y;
    return y;
}

/* ------------------------------------------------------------------ */
/* world data                                                          */

typedef struct {
    const char *full; /* as a noun phrase, with article if English needs one */
    const char *shrt; /* short noun phrase */
    const char *attr; /* attributive form: "Taliban fighters" */
    int kind;         /* 0 jihadist/insurgent, 1 rebel/separatist, 2 cartel, 3 militia */
} group_t;

typedef struct {
    const char *name, *dem, *cap, *region;
    const char *const *cities;
    const char *const *provs;
    const char *prov_word;
    const char *const *dists;
    const char *dist_word; /* "" = towns */
    const char *const *vils;
    const group_t *groups; /* terminated by full == NULL */
    const char *const *forces;
    const char *const *neigh;
    int cult;
    int weight;
} country_t;

#define SL(...) ((const char *const[]){__VA_ARGS__, NULL})
#define GL(...) ((const group_t[]){__VA_ARGS__, {NULL, NULL, NULL, 0}})

enum { C_AFPK, C_ARAB, C_SOMALI, C_EAST, C_NIGERIA, C_SAHEL, C_LATIN, C_SLAVIC, C_FILIPINO, C_INDIA, C_BURMA, C_WEST, C_NCULT };

static const country_t COUNTRIES[] = {
    {"Afghanistan", "Afghan", "Kabul", "asia",
     SL("Kandahar", "Herat", "Jalalabad", "Mazar-i-Sharif", "Kunduz", "Lashkar Gah", "Ghazni", "Khost", "Tarin Kot"),
     SL("Helmand", "Kandahar", "Nangarhar", "Kunar", "Paktia", "Ghazni", "Uruzgan", "Badghis", "Faryab", "Logar", "Wardak"),
     "province",
     SL("Sangin", "Marjah", "Nad Ali", "Musa Qala", "Achin", "Zhari", "Panjwai", "Chahar Dara", "Dand", "Sayedabad"),
     "district", SL("Sangisar", "Zangabad", "Loya Wiala", "Kakaran", "Shin Kalay", "Deh Bala"),
     GL({"the Taliban", "the Taliban", "Taliban", 0}, {"the Haqqani network", "the Haqqanis", "Haqqani", 0},
        {"Hezb-e-Islami", "Hezb-e-Islami", "Hezb-e-Islami", 0},
        {"Islamic State Khorasan Province", "ISIS-K", "ISIS-K", 0}, {"al-Qaeda", "al-Qaeda", "al-Qaeda", 0}),
     SL("the Afghan National Army", "Afghan National Police", "NATO-led forces", "U.S.-led coalition forces",
        "Afghan special forces", "the Afghan Local Police"),
     SL("Pakistan", "Iran", "Tajikistan", "Uzbekistan"), C_AFPK, 14},
    {"Pakistan", "Pakistani", "Islamabad", "asia",
     SL("Peshawar", "Karachi", "Quetta", "Lahore", "Dera Ismail Khan", "Bannu", "Rawalpindi", "Mingora", "Miranshah"),
     SL("Khyber Pakhtunkhwa", "Balochistan", "Punjab", "Sindh", "North Waziristan", "South Waziristan", "Bajaur",
        "Orakzai", "Kurram"),
     "province", SL("Mir Ali", "Tirah Valley", "Datta Khel", "Landi Kotal", "Matani", "Charsadda", "Swabi", "Turbat"),
     "district", SL("Spinwam", "Shewa", "Darra Adam Khel", "Sararogha", "Mamund", "Ghulam Khan"),
     GL({"Tehrik-i-Taliban Pakistan", "the TTP", "TTP", 0}, {"Lashkar-e-Jhangvi", "LeJ", "Lashkar-e-Jhangvi", 0},
        {"Jamaat-ul-Ahrar", "Jamaat-ul-Ahrar", "Jamaat-ul-Ahrar", 0},
        {"the Balochistan Liberation Army", "the BLA", "BLA", 1}, {"Lashkar-e-Taiba", "LeT", "Lashkar", 0},
        {"the Pakistani Taliban", "the Taliban", "Taliban", 0}),
     SL("the Frontier Corps", "Pakistani paramilitary Rangers", "the Pakistani army", "Counter Terrorism Department officers",
        "the Levies"),
     SL("Afghanistan", "India", "Iran"), C_AFPK, 14},
    {"Iraq", "Iraqi", "Baghdad", "middle-east",
     SL("Mosul", "Basra", "Kirkuk", "Fallujah", "Ramadi", "Tikrit", "Baqubah", "Samarra", "Najaf", "Karbala", "Erbil"),
     SL("Anbar", "Nineveh", "Diyala", "Salahuddin", "Babil", "Kirkuk", "Wasit"), "province",
     SL("Abu Ghraib", "Tarmiyah", "Hawija", "Sadr City", "Adhamiyah", "Dora", "Tal Afar", "Qaim", "Muqdadiyah"),
     "", SL("Albu Ajeel", "Jurf al-Sakhar", "Saadiyah", "Hit", "Rutba", "Shirqat"),
     GL({"the Islamic State", "ISIS", "Islamic State", 0}, {"al-Qaeda in Iraq", "AQI", "al-Qaeda", 0},
        {"Kataib Hezbollah", "Kataib Hezbollah", "Kataib Hezbollah", 3}, {"the Mahdi Army", "the Mahdi Army", "Mahdi Army", 3},
        {"the Islamic State of Iraq", "the ISI", "ISI", 0}),
     SL("the Iraqi Counter-Terrorism Service", "the Popular Mobilization Forces", "Iraqi federal police",
        "Kurdish peshmerga forces", "U.S.-led coalition aircraft"),
     SL("Syria", "Iran", "Turkey", "Jordan", "Saudi Arabia"), C_ARAB, 12},
    {"Syria", "Syrian", "Damascus", "middle-east",
     SL("Aleppo", "Homs", "Hama", "Idlib", "Raqqa", "Deir el-Zour", "Daraa", "Latakia", "Qamishli"),
     SL("Idlib", "Aleppo", "Homs", "Deir el-Zour", "Daraa", "Hasakah", "Hama", "Raqqa"), "province",
     SL("Douma", "Jobar", "Maarat al-Numan", "Khan Sheikhoun", "Jisr al-Shughur", "Manbij", "Tal Rifaat", "Bukamal"),
     "", SL("Kafr Nabl", "Saraqeb", "Taftanaz", "Hajin", "Tal Abyad", "Ariha"),
     GL({"the Islamic State", "IS", "Islamic State", 0}, {"the Nusra Front", "Nusra", "Nusra", 0},
        {"Hayat Tahrir al-Sham", "HTS", "HTS", 0}, {"the Free Syrian Army", "the FSA", "FSA", 1},
        {"Ahrar al-Sham", "Ahrar al-Sham", "Ahrar al-Sham", 0}, {"the Syrian Democratic Forces", "the SDF", "SDF", 1}),
     SL("Syrian government forces", "pro-government militias", "the Syrian army", "Russian warplanes",
        "the Syrian air force"),
     SL("Turkey", "Lebanon", "Jordan", "Iraq"), C_ARAB, 12},
    {"Yemen", "Yemeni", "Sanaa", "middle-east", SL("Aden", "Taiz", "Hodeidah", "Marib", "Mukalla", "Saada", "Zinjibar"),
     SL("Abyan", "Shabwa", "Marib", "Saada", "Hadramawt", "Lahj", "Bayda", "Hajjah"), "province",
     SL("Harib", "Lawdar", "Jaar", "Mocha", "Azzan", "Rada"), "",
     SL("Al-Masani", "Wadi Obeida", "Bani Hushaish", "Al-Khawkha"),
     GL({"the Houthi movement", "the Houthis", "Houthi", 1}, {"Ansar Allah", "the Houthis", "Houthi", 1},
        {"al-Qaeda in the Arabian Peninsula", "AQAP", "AQAP", 0},
        {"the Southern Transitional Council", "the STC", "STC", 1}),
     SL("forces loyal to the president", "the Saudi-led coalition", "Yemeni troops", "tribal fighters allied with the government"),
     SL("Saudi Arabia", "Oman"), C_ARAB, 7},
    {"Somalia", "Somali", "Mogadishu", "africa",
     SL("Kismayo", "Baidoa", "Beledweyne", "Bosaso", "Galkayo", "Marka", "Afgoye", "Jowhar"),
     SL("Lower Shabelle", "Middle Shabelle", "Bay", "Hiran", "Gedo", "Lower Juba", "Galgadud"), "region",
     SL("Wanlaweyn", "Balad", "Qoryoley", "Bulo Burte", "El Bur", "Dinsor"), "district",
     SL("Janaale", "Awdheegle", "Sabiid", "Leego", "Bariire"),
     GL({"al-Shabaab", "al-Shabaab", "al-Shabaab", 0}, {"Harakat al-Shabaab al-Mujahideen", "al-Shabaab", "Shabaab", 0},
        {"Hizbul Islam", "Hizbul Islam", "Hizbul Islam", 0}, {"Ahlu Sunna Wal Jamaa", "ASWJ", "ASWJ", 3},
        {"the Islamic State in Somalia", "ISS", "Islamic State", 0}),
     SL("African Union peacekeepers", "the Somali National Army", "Danab special forces", "AMISOM troops"),
     SL("Kenya", "Ethiopia", "Djibouti"), C_SOMALI, 9},
    {"Nigeria", "Nigerian", "Abuja", "africa",
     SL("Maiduguri", "Kano", "Jos", "Kaduna", "Damaturu", "Yola", "Port Harcourt", "Bauchi", "Potiskum"),
     SL("Borno", "Yobe", "Adamawa", "Kaduna", "Plateau", "Zamfara", "Katsina", "Rivers"), "state",
     SL("Gwoza", "Bama", "Konduga", "Chibok", "Monguno", "Dikwa", "Damboa", "Mubi"), "local government area",
     SL("Kawuri", "Baga", "Dalori", "Izge", "Kukawa", "Mafa"),
     GL({"Boko Haram", "Boko Haram", "Boko Haram", 0}, {"the Islamic State West Africa Province", "ISWAP", "ISWAP", 0},
        {"Ansaru", "Ansaru", "Ansaru", 0},
        {"the Movement for the Emancipation of the Niger Delta", "MEND", "MEND", 1}),
     SL("the Civilian Joint Task Force", "the Multinational Joint Task Force", "Nigerian troops", "the Nigerian air force"),
     SL("Niger", "Chad", "Cameroon"), C_NIGERIA, 10},
    {"Mali", "Malian", "Bamako", "africa", SL("Gao", "Timbuktu", "Kidal", "Mopti", "Menaka", "Segou", "Sevare"),
     SL("Gao", "Timbuktu", "Kidal", "Mopti", "Segou", "Menaka"), "region",
     SL("Douentza", "Konna", "Boni", "Tessalit", "Ansongo", "Niono"), "",
     SL("Ogossagou", "Sobane Da", "Dioura", "Boulkessi", "Inates"),
     GL({"Ansar Dine", "Ansar Dine", "Ansar Dine", 0}, {"Jama'at Nusrat al-Islam wal-Muslimin", "JNIM", "JNIM", 0},
        {"the Movement for Oneness and Jihad in West Africa", "MUJAO", "MUJAO", 0},
        {"the National Movement for the Liberation of Azawad", "the MNLA", "MNLA", 1},
        {"al-Qaeda in the Islamic Maghreb", "AQIM", "AQIM", 0}),
     SL("French troops", "U.N. peacekeepers", "the Malian army", "Dozo hunters"), SL("Burkina Faso", "Niger", "Algeria", "Mauritania"),
     C_SAHEL, 6},
    {"Libya", "Libyan", "Tripoli", "africa", SL("Benghazi", "Misrata", "Derna", "Sirte", "Sabha", "Zawiya", "Ajdabiya"),
     SL("Fezzan", "Cyrenaica", "Tripolitania", "Jabal al-Gharbi"), "region",
     SL("Tajoura", "Abu Salim", "Ain Zara", "Garabulli", "Ubari"), "", SL("Wadi Zamzam", "Bin Jawad", "Nawfaliya"),
     GL({"Ansar al-Sharia", "Ansar al-Sharia", "Ansar al-Sharia", 0},
        {"the Islamic State in Libya", "the Islamic State", "Islamic State", 0}, {"the Libyan National Army", "the LNA", "LNA", 3},
        {"the Misrata brigades", "the Misratans", "Misratan", 3}),
     SL("forces of the U.N.-backed government", "Libyan coast guard units", "militias allied with the government"),
     SL("Egypt", "Tunisia", "Algeria", "Chad"), C_ARAB, 5},
    {"Colombia", "Colombian", "Bogotá", "americas", SL("Medellín", "Cali", "Cúcuta", "Tumaco", "Buenaventura", "Popayán", "Arauca"),
     SL("Cauca", "Nariño", "Antioquia", "Norte de Santander", "Arauca", "Chocó", "Caquetá", "Putumayo"), "department",
     SL("Toribío", "Tame", "Argelia", "El Tambo", "Suárez", "Tibú"), "municipality",
     SL("La Gabarra", "Puerto Nuevo", "El Plateado", "Santa Rosa"),
     GL({"the Revolutionary Armed Forces of Colombia", "the FARC", "FARC", 1}, {"the National Liberation Army", "the ELN", "ELN", 1},
        {"the Gulf Clan", "the Gulf Clan", "Gulf Clan", 2}, {"Los Rastrojos", "Los Rastrojos", "Rastrojos", 2}),
     SL("the Colombian army", "anti-narcotics police", "Colombian marines", "the national police"),
     SL("Venezuela", "Ecuador", "Panama"), C_LATIN, 5},
    {"Mexico", "Mexican", "Mexico City", "americas",
     SL("Culiacán", "Ciudad Juárez", "Tijuana", "Acapulco", "Chilpancingo", "Morelia", "Reynosa", "Guadalajara"),
     SL("Sinaloa", "Guerrero", "Michoacán", "Tamaulipas", "Jalisco", "Chihuahua", "Zacatecas"), "state",
     SL("Iguala", "Apatzingán", "Nuevo Laredo", "Uruapan", "Aguililla"), "municipality", SL("Tepalcatepec", "El Aguaje", "Las Tinajas"),
     GL({"the Sinaloa cartel", "the Sinaloa cartel", "Sinaloa cartel", 2}, {"the Jalisco New Generation Cartel", "the CJNG", "CJNG", 2},
        {"the Zetas", "the Zetas", "Zetas", 2}, {"the Gulf cartel", "the Gulf cartel", "Gulf cartel", 2},
        {"La Familia Michoacana", "La Familia", "La Familia", 2}),
     SL("the National Guard", "Mexican marines", "state police", "federal police"), SL("the United States", "Guatemala"),
     C_LATIN, 5},
    {"Ukraine", "Ukrainian", "Kyiv", "europe", SL("Donetsk", "Luhansk", "Mariupol", "Kharkiv", "Sloviansk", "Kramatorsk", "Debaltseve"),
     SL("Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhia", "Kherson"), "region",
     SL("Avdiivka", "Horlivka", "Shchastia", "Marinka", "Popasna"), "", SL("Pisky", "Shyrokyne", "Krymske", "Novoluhanske"),
     GL({"the self-proclaimed Donetsk People's Republic", "the DPR", "DPR", 1},
        {"the self-proclaimed Luhansk People's Republic", "the LPR", "LPR", 1},
        {"pro-Russian separatists", "the separatists", "separatist", 1}, {"the Wagner Group", "Wagner", "Wagner", 3}),
     SL("Ukrainian government forces", "the Ukrainian army", "the National Guard of Ukraine", "Ukrainian border guards"),
     SL("Russia", "Belarus", "Poland"), C_SLAVIC, 5},
    {"the Philippines", "Philippine", "Manila", "asia", SL("Zamboanga", "Cotabato", "Marawi", "Jolo", "Davao", "Isabela City"),
     SL("Sulu", "Basilan", "Maguindanao", "Lanao del Sur", "North Cotabato", "Samar"), "province",
     SL("Patikul", "Indanan", "Datu Piang", "Shariff Aguak", "Tipo-Tipo"), "town", SL("Barangay Kasanyangan", "Sitio Lambayong", "Tubig Dacula"),
     GL({"the Abu Sayyaf", "Abu Sayyaf", "Abu Sayyaf", 0}, {"the Moro Islamic Liberation Front", "the MILF", "MILF", 1},
        {"the New People's Army", "the NPA", "NPA", 1}, {"the Maute group", "the Maute group", "Maute", 0},
        {"the Bangsamoro Islamic Freedom Fighters", "the BIFF", "BIFF", 0}),
     SL("Philippine marines", "the Armed Forces of the Philippines", "Philippine National Police commandos", "army scout rangers"),
     SL("Malaysia", "Indonesia"), C_FILIPINO, 5},
    {"Kenya", "Kenyan", "Nairobi", "africa", SL("Mombasa", "Garissa", "Mandera", "Lamu", "Wajir", "Kisumu"),
     SL("Garissa", "Mandera", "Lamu", "Wajir", "Tana River"), "county", SL("Mpeketoni", "Dadaab", "Hulugho", "Elwak", "Kiunga"),
     "", SL("Hindi", "Poromoko", "Kolbio"),
     GL({"al-Shabaab", "al-Shabaab", "al-Shabaab", 0}, {"the Mombasa Republican Council", "the MRC", "MRC", 1},
        {"the Mungiki sect", "the Mungiki", "Mungiki", 2}),
     SL("the Kenya Defence Forces", "Kenyan police", "the General Service Unit", "Kenya Police Reservists"),
     SL("Somalia", "Ethiopia", "Uganda"), C_EAST, 4},
    {"Sudan", "Sudanese", "Khartoum", "africa", SL("Omdurman", "El Fasher", "Nyala", "El Geneina", "Kadugli", "Port Sudan", "Wad Madani"),
     SL("North Darfur", "South Darfur", "West Darfur", "South Kordofan", "Blue Nile", "Gezira"), "state",
     SL("Tawila", "Kutum", "Kabkabiya", "Mornei", "Jebel Marra"), "", SL("Krinding", "Masteri", "Um Kadada"),
     GL({"the Rapid Support Forces", "the RSF", "RSF", 3}, {"the Sudan Liberation Army", "the SLA", "SLA", 1},
        {"the Justice and Equality Movement", "JEM", "JEM", 1},
        {"the Sudan People's Liberation Movement-North", "the SPLM-N", "SPLM-N", 1}),
     SL("the Sudanese Armed Forces", "Sudanese troops", "government-backed militias", "the Sudanese air force"),
     SL("Chad", "South Sudan", "Egypt", "Ethiopia"), C_ARAB, 5},
    {"Congo", "Congolese", "Kinshasa", "africa", SL("Goma", "Bukavu", "Beni", "Bunia", "Butembo", "Uvira", "Rutshuru"),
     SL("North Kivu", "South Kivu", "Ituri", "Tanganyika", "Kasai"), "province",
     SL("Masisi", "Rutshuru", "Djugu", "Lubero", "Walikale", "Fizi"), "territory", SL("Kishishe", "Bambo", "Plaine Savo", "Mutarule"),
     GL({"the M23 rebel group", "M23", "M23", 1}, {"the Allied Democratic Forces", "the ADF", "ADF", 0},
        {"the Democratic Forces for the Liberation of Rwanda", "the FDLR", "FDLR", 1}, {"Mai-Mai militias", "the Mai-Mai", "Mai-Mai", 3},
        {"the CODECO militia", "CODECO", "CODECO", 3}),
     SL("the Congolese army", "U.N. peacekeepers", "FARDC soldiers", "Congolese police"), SL("Rwanda", "Uganda", "Burundi"),
     C_SAHEL, 5},
    {"India", "Indian", "New Delhi", "asia", SL("Srinagar", "Jammu", "Baramulla", "Anantnag", "Sukma", "Dantewada", "Imphal"),
     SL("Jammu and Kashmir", "Chhattisgarh", "Jharkhand", "Manipur", "Assam", "Odisha"), "state",
     SL("Pulwama", "Shopian", "Kupwara", "Bijapur", "Kulgam"), "district", SL("Tral", "Sopore", "Handwara", "Burkapal"),
     GL({"Lashkar-e-Taiba", "LeT", "Lashkar", 0}, {"Jaish-e-Mohammed", "JeM", "Jaish", 0}, {"Hizb-ul-Mujahideen", "the Hizb", "Hizb", 0},
        {"the Communist Party of India (Maoist)", "the Maoists", "Maoist", 1},
        {"the United Liberation Front of Asom", "ULFA", "ULFA", 1}),
     SL("the Central Reserve Police Force", "the Indian army", "the Border Security Force", "state police"),
     SL("Pakistan", "China", "Nepal", "Bangladesh"), C_INDIA, 6},
    {"Myanmar", "Myanmar", "Naypyidaw", "asia", SL("Yangon", "Mandalay", "Sittwe", "Myitkyina", "Lashio", "Maungdaw", "Hpakant"),
     SL("Rakhine", "Kachin", "Shan", "Chin", "Karen", "Kayah"), "state",
     SL("Buthidaung", "Paletwa", "Kyaukme", "Mrauk-U", "Hpapun"), "township", SL("Inn Din", "Tula Toli", "Let Kar"),
     GL({"the Arakan Army", "the AA", "Arakan Army", 1}, {"the Kachin Independence Army", "the KIA", "KIA", 1},
        {"the Arakan Rohingya Salvation Army", "ARSA", "ARSA", 1},
        {"the Ta'ang National Liberation Army", "the TNLA", "TNLA", 1}, {"the People's Defense Force", "the PDF", "PDF", 3}),
     SL("the Myanmar military", "the Tatmadaw", "border guard police", "junta troops"), SL("Bangladesh", "China", "Thailand"),
     C_BURMA, 4},
    {"Burkina Faso", "Burkinabe", "Ouagadougou", "africa", SL("Djibo", "Dori", "Ouahigouya", "Kaya", "Fada N'Gourma", "Arbinda"),
     SL("Soum", "Seno", "Oudalan", "Loroum", "Gnagna"), "province", SL("Solhan", "Seytenga", "Barsalogho", "Inata", "Gorgadji"),
     "", SL("Yirgou", "Nassoumbou", "Koutougou"),
     GL({"Ansarul Islam", "Ansarul Islam", "Ansarul Islam", 0}, {"the Group to Support Islam and Muslims", "JNIM", "JNIM", 0},
        {"the Islamic State in the Greater Sahara", "ISGS", "ISGS", 0}),
     SL("Burkinabe soldiers", "the Volunteers for the Defense of the Homeland", "gendarmes", "the Burkinabe army"),
     SL("Mali", "Niger", "Ghana"), C_SAHEL, 4},
    {"Egypt", "Egyptian", "Cairo", "middle-east", SL("Alexandria", "El Arish", "Rafah", "Sheikh Zuweid", "Ismailia", "Minya", "Suez"),
     SL("North Sinai", "South Sinai", "Giza", "Minya", "Assiut"), "province", SL("Bir al-Abd", "Nasr City", "Helwan", "Qantara"),
     "", SL("Al-Rawda", "Al-Tuma", "Al-Mahdiya"),
     GL({"Ansar Beit al-Maqdis", "Ansar Beit al-Maqdis", "Ansar Beit al-Maqdis", 0},
        {"the Islamic State's Sinai Province", "Sinai Province", "Sinai Province", 0}, {"Hasm", "Hasm", "Hasm", 0}),
     SL("Egyptian security forces", "Egyptian troops", "the Central Security Forces", "police special forces"),
     SL("Libya", "Israel", "Sudan"), C_ARAB, 4},
    {"Ethiopia", "Ethiopian", "Addis Ababa", "africa", SL("Mekelle", "Gondar", "Bahir Dar", "Dessie", "Adama", "Shire", "Axum"),
     SL("Tigray", "Amhara", "Oromia", "Afar", "Benishangul-Gumuz"), "region",
     SL("Raya", "Humera", "Alamata", "Kobo", "West Wollega"), "zone", SL("Mai Kadra", "Hawzen", "Dengolat"),
     GL({"the Tigray People's Liberation Front", "the TPLF", "TPLF", 1}, {"the Oromo Liberation Army", "the OLA", "OLA", 1},
        {"Fano militias", "Fano", "Fano", 3}),
     SL("the Ethiopian National Defense Force", "federal troops", "Amhara regional forces", "Eritrean troops"),
     SL("Eritrea", "Sudan", "Kenya", "Somalia"), C_EAST, 5},
};

typedef struct {
    const char *const *m, *const *f, *const *last;
} culture_t;

static const culture_t CULTURES[C_NCULT] = {
    [C_AFPK] = {SL("Abdul Rahman", "Mohammad", "Ahmad", "Gul", "Abdullah", "Hamid", "Zabihullah", "Qari Yousuf", "Sher",
                   "Rahmatullah", "Noor", "Mohammad Ismail", "Khalid", "Wahidullah", "Shah Wali", "Javed", "Imran", "Tariq",
                   "Asif", "Bilal", "Fazal", "Saifullah", "Ihsanullah", "Tahir", "Amanullah", "Sardar"),
                SL("Fawzia", "Malalai", "Shukria", "Farzana", "Ayesha", "Nargis", "Shazia"),
                SL("Khan", "Ahmadzai", "Popal", "Wardak", "Mujahid", "Ahmadi", "Stanekzai", "Durrani", "Mohmand", "Afridi",
                   "Yousafzai", "Wazir", "Mehsud", "Bugti", "Shinwari", "Hotak", "Sadat", "Noorzai", "Qureshi", "Chaudhry",
                   "Malik", "Baloch", "Shah", "Hussain", "Rahimi", "Kakar", "Achakzai", "Safi", "Zadran", "Marwat")},
    [C_ARAB] = {SL("Mohammed", "Ahmed", "Ali", "Hussein", "Omar", "Khalid", "Abdullah", "Saad", "Hassan", "Yasser", "Mahmoud",
                   "Ibrahim", "Sami", "Adel", "Faisal", "Tariq", "Mustafa", "Jamal", "Raed", "Haidar", "Nabil", "Walid",
                   "Abu Mohammed", "Karim"),
                SL("Layla", "Huda", "Samira", "Rania", "Nour", "Amal"),
                SL("al-Jubouri", "al-Dulaimi", "al-Obeidi", "Hassan", "al-Rawi", "al-Saadi", "Abdel-Rahman", "al-Hashimi",
                   "al-Amiri", "Ibrahim", "Nasser", "al-Masri", "Darwish", "al-Khatib", "Haddad", "Saleh", "al-Zubaidi",
                   "Abu Ali", "al-Sharif", "Mansour", "al-Tamimi", "Fayad", "al-Ani", "Qassem", "al-Shami", "al-Assadi")},
    [C_SOMALI] = {SL("Abdi", "Mohamed", "Hassan", "Ahmed", "Abdirahman", "Abdullahi", "Farah", "Ali", "Omar", "Yusuf",
                     "Abdiqadir", "Aden", "Ismail", "Mahad", "Abdiweli"),
                  SL("Fadumo", "Hodan", "Asha", "Amina", "Deeqa"),
                  SL("Warsame", "Farah", "Hussein", "Abdi", "Aden", "Jama", "Ali", "Osman", "Hirsi", "Gedi", "Dahir", "Nur",
                     "Mohamud", "Elmi", "Egal", "Samatar", "Roble", "Guled", "Abdulle")},
    [C_EAST] = {SL("John", "Joseph", "Peter", "David", "Samuel", "James", "Daniel", "Moses", "Tesfaye", "Getachew", "Dawit",
                   "Mulugeta", "Girma", "Tewodros", "Kipchumba"),
                SL("Wanjiru", "Grace", "Mary", "Almaz", "Meseret", "Akinyi"),
                SL("Kamau", "Otieno", "Mwangi", "Kiprono", "Ochieng", "Mutua", "Njoroge", "Wafula", "Gebremedhin", "Haile",
                   "Bekele", "Alemu", "Tadesse", "Desta", "Wolde", "Gebre", "Kebede", "Abebe")},
    [C_NIGERIA] = {SL("Ibrahim", "Musa", "Abubakar", "Usman", "Mohammed", "Aliyu", "Babagana", "Kashim", "Bello", "Sani",
                      "Yusuf", "Chukwuma", "Emeka", "Oluwaseun", "Adebayo", "Samuel", "Garba"),
                   SL("Aisha", "Fatima", "Hauwa", "Ngozi", "Funmilayo", "Esther"),
                   SL("Abdullahi", "Bello", "Shettima", "Umar", "Garba", "Danjuma", "Okafor", "Okonkwo", "Adeyemi", "Olawale",
                      "Ibrahim", "Mohammed", "Zulum", "Nwosu", "Bukar", "Lawan")},
    [C_SAHEL] = {SL("Amadou", "Moussa", "Boubacar", "Oumar", "Souleymane", "Issa", "Seydou", "Mamadou", "Jean-Pierre",
                    "Jean-Claude", "Patrick", "Emmanuel", "Faustin", "Ibrahim"),
                 SL("Aminata", "Awa", "Mariam", "Chantal", "Béatrice"),
                 SL("Maïga", "Traoré", "Coulibaly", "Diallo", "Keïta", "Touré", "Sanogo", "Ouédraogo", "Kaboré", "Sawadogo",
                    "Zongo", "Mbuyi", "Kasongo", "Mukendi", "Ilunga", "Bahati", "Habimana", "Kambale")},
    [C_LATIN] = {SL("Juan", "Carlos", "Luis", "José", "Miguel", "Jorge", "Andrés", "Alejandro", "Francisco", "Javier", "Rafael",
                    "Diego", "Héctor", "Fernando", "Ricardo", "Manuel"),
                 SL("María", "Ana", "Claudia", "Gabriela", "Luz Marina", "Rosa"),
                 SL("García", "Rodríguez", "Martínez", "López", "Hernández", "González", "Ramírez", "Torres", "Vargas",
                    "Castro", "Moreno", "Jiménez", "Rojas", "Herrera", "Medina", "Ortiz", "Guzmán", "Salazar", "Mendoza",
                    "Cárdenas", "Ospina", "Villegas", "Zapata", "García-Luna")},
    [C_SLAVIC] = {SL("Oleksandr", "Serhiy", "Volodymyr", "Andriy", "Dmytro", "Mykola", "Viktor", "Ihor", "Yuriy", "Oleg",
                     "Pavlo", "Vitaliy", "Denis", "Alexei"),
                  SL("Olena", "Iryna", "Natalia", "Tetiana", "Yulia"),
                  SL("Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Moroz", "Lysenko",
                     "Petrenko", "Marchenko", "Savchenko", "Hrytsenko", "Ivanov", "Sidorenko", "Rudenko", "Polishchuk")},
    [C_FILIPINO] = {SL("Jose", "Eduardo", "Ramon", "Ronald", "Romeo", "Arnel", "Edgardo", "Rey", "Nur", "Hadji", "Abdul",
                       "Ismael", "Jainal", "Rolando"),
                    SL("Maria", "Leila", "Cristina", "Jocelyn"),
                    SL("Santos", "Reyes", "dela Cruz", "Garcia", "Mendoza", "Bautista", "Villanueva", "Ramos", "Castillo",
                       "Sali", "Hataman", "Jikiri", "Ebrahim", "Tan", "Galvez", "Ocampo", "Padilla")},
    [C_INDIA] = {SL("Rajesh", "Sanjay", "Amit", "Vijay", "Rakesh", "Suresh", "Manoj", "Arun", "Farooq", "Omar", "Bashir",
                    "Imtiaz", "Syed Ali", "Ravi", "Anil", "Mohammad Yasin"),
                 SL("Priya", "Sunita", "Mehbooba", "Anjali", "Rukhsana"),
                 SL("Sharma", "Singh", "Kumar", "Verma", "Gupta", "Yadav", "Patel", "Reddy", "Bhat", "Dar", "Lone", "Wani", "Mir",
                    "Rather", "Sheikh", "Naik", "Mishra", "Tiwari", "Pandey", "Das")},
    [C_BURMA] = {SL("Aung", "Kyaw", "Min", "Zaw", "Thein", "Soe", "Tin", "Than", "Myo", "Nay"),
                 SL("Khin", "Aye", "Su", "Thida", "Nilar"),
                 SL("Min", "Zaw", "Naing", "Htun", "Win", "Oo", "Lwin", "Myint", "Aung", "Thu", "Htet", "Hlaing", "Swe")},
    [C_WEST] = {SL("John", "Michael", "David", "Robert", "James", "William", "Mark", "Richard", "Thomas", "Stephen", "Peter",
                   "Jonathan", "Andrew", "Christopher", "Lars", "Pierre"),
                SL("Sarah", "Elizabeth", "Karen", "Anne", "Susan", "Catherine", "Helen", "Ingrid"),
                SL("Miller", "Anderson", "Campbell", "Thompson", "Harris", "Clarke", "Walker", "Bennett", "Foster", "Hughes",
                   "Morgan", "Reed", "Sullivan", "Parker", "Fischer", "Dubois", "Rossi", "Lindqvist", "Jensen", "O'Neill",
                   "McAllister", "Van der Berg")},
};

typedef struct {
    const char *intro, *nyt; /* title in an introduction; NYT-style honorific on later references ("" = Mr./Ms.) */
} title_t;

static const title_t TITLES[] = {
    {"", ""},          {"Gen.", "General"},  {"Lt. Gen.", "General"},   {"Maj. Gen.", "General"}, {"Brig. Gen.", "General"},
    {"Col.", "Colonel"}, {"Lt. Col.", "Colonel"}, {"Maj.", "Major"},    {"Capt.", "Captain"},     {"Sgt.", "Sergeant"},
    {"Mr.", ""},       {"Ms.", ""},          {"Dr.", "Dr."},           {"President", ""},        {"Prime Minister", ""},
    {"Gov.", ""},      {"Judge", "Judge"},   {"Police Chief", "Chief"}, {"Mullah", "Mullah"},     {"Maulana", "Maulana"},
    {"Haji", "Haji"},  {"Sheikh", "Sheikh"}, {"Adm.", "Admiral"},      {"Ambassador", ""},       {"Sen.", ""},
    {"Mrs.", "Mrs."},
};

static size_t title_index(const char *intro)
{
    for (size_t i = 0; i < NELEM(TITLES); i++)
        if (!strcmp(TITLES[i].intro, intro))
            return i;
    return 0;
}

typedef struct {
    const char *name, *domain;
} source_t;

static const source_t SOURCES[] = {
    {"The Frontier Ledger", "frontierledger.example.com"}, {"Global Wire Service", "globalwire.example.net"},
    {"Daily Meridian", "dailymeridian.example.com"},       {"The Capital Observer", "capitalobserver.example.org"},
    {"Continental News Agency", "cna-news.example.com"},    {"Eastern Herald", "easternherald.example.com"},
    {"World Desk Report", "worlddesk.example.net"},         {"The Evening Courier", "eveningcourier.example.com"},
    {"Sahel Monitor", "sahelmonitor.example.org"},          {"Gulf Chronicle", "gulfchronicle.example.com"},
    {"Andes Post", "andespost.example.com"},                {"Horn Dispatch", "horndispatch.example.net"},
};

static const char *const ORG_DOMAINS[] = {"reliefhub.example.org", "rightswatch.example.org", "ceasefire-monitor.example.net",
                                          "crisisdesk.example.org", "mod.gov.example", "interior.gov.example"};

/* ------------------------------------------------------------------ */
/* phrase lists                                                        */

static const char *const WEAPONS[] = {
    "a roadside bomb", "an improvised explosive device", "a suicide car bomb", "a motorcycle packed with explosives",
    "a rocket-propelled grenade", "a mortar shell", "a land mine", "a hand grenade", "an explosives-laden truck",
    "a magnetic bomb attached to a vehicle", "a bomb hidden in a handcart", "a remote-controlled bomb",
    "a bomb planted under a bridge", "two rockets",
};

static const char *const TARGETS[] = {
    "a police checkpoint", "a crowded market", "a military convoy", "a mosque", "a girls' school", "a wedding party",
    "the provincial governor's compound", "a bus carrying government employees", "an army outpost", "a polling station",
    "a religious procession", "a church", "a hotel popular with foreigners", "a camp for displaced people",
    "a bank in the city center", "a funeral", "a cattle market", "an oil pipeline", "a border crossing",
    "a police training center", "a hospital", "a courthouse", "a tea shop near the main square", "a cricket match",
    "a football stadium", "a prison", "the offices of a local television station",
};

static const char *const ROLES[] = {
    "the police chief of {PROV}",
    "a police {SPOKES} in {CITY}",
    "a {SPOKES} for the provincial governor",
    "the governor of {PROV}",
    "a {SPOKES} for {MIN}",
    "a senior security official in {CITY}",
    "a tribal elder from {VIL}",
    "a member of parliament from {PROV}",
    "the district chief of {DIST}",
    "a doctor at the main hospital in {CITY}",
    "a resident of {VIL}",
    "the head of the provincial council",
    "an army {SPOKES}",
    "a {SPOKES} for the {DEM} military",
    "the deputy interior minister",
    "a shopkeeper who witnessed the attack",
    "a security analyst based in {CAP}",
    "a police officer who spoke on condition of anonymity because {HE} was not authorized to talk to reporters",
    "an intelligence official who asked not to be identified",
    "the mayor of {CITY}",
    "a local journalist",
    "a commander of a pro-government militia in {DIST}",
    "the provincial health director",
    "a former {GA} commander who joined the government's reconciliation program",
    "the head of a local aid group",
    "an opposition lawmaker",
    "a political scientist at the University of {CAP}",
    "a human rights activist in {CITY}",
    "the {DEM} defense minister",
    "the {DEM} foreign minister",
    "a senior member of the ruling party",
    "the commander of the army's {ORD} division",
    "the deputy governor of {PROV}",
};

static const char *const SPEAKERS[] = {
    "a {SPOKES} for {G}", "{GS}'s main {SPOKES}", "who says {HE} speaks for {G}", "a {GA} {SPOKES}",
    "a {GA} commander in {PROV}", "a senior {GA} leader", "the group's chief negotiator",
    "a {SPOKES} for {G} in {PROV}",
};

static const char *const WROLES[] = {
    "the {US} ambassador to {C}", "the top {UN} envoy for {C}", "a {SPOKES} for the State Department",
    "the commander of {US} forces in {C}", "a senior Western diplomat in {CAP}", "the country director of {INST}",
    "a {SPOKES} for {INST}", "a researcher at {INST}", "the European Union's special representative for {C}",
    "a NATO {SPOKES}", "a {US} military {SPOKES}", "head of the {UN} mission in {C}",
};

static const char *const INSTS[] = {
    "the United Nations", "the U.N. refugee agency", "Human Rights Watch", "Amnesty International",
    "the International Committee of the Red Cross", "Doctors Without Borders", "the World Food Program",
    "the African Union", "the European Union", "the International Crisis Group", "UNICEF",
    "the Norwegian Refugee Council", "the International Organization for Migration",
};

static const char *const MINISTRIES[] = {
    "the Interior Ministry", "the Defense Ministry", "the Ministry of Foreign Affairs", "the Health Ministry",
    "the military's media wing", "the provincial government", "the national intelligence agency",
    "the Ministry of Information", "the office of the president", "the prime minister's office",
};

static const char *const AGENCIES[] = {
    "The Associated Press", "Reuters", "Agence France-Presse", "the BBC", "Al Jazeera", "The New York Times",
    "The Frontier Ledger", "Global Wire Service", "local reporters",
};

static const char *const WIRES[] = {"Associated Press", "Reuters", "AFP", "Global Wire Service", "Frontier Ledger"};

static const char *const DATELINE_AGENCY[] = {"AP", "Reuters", "AFP", "GWS", "CNA"};

static const char *const CAUSES[] = {
    "rising food prices", "the killing of a local journalist", "the government's handling of the security crisis",
    "alleged fraud in last month's election", "the arrest of an opposition leader", "a new anti-terrorism law",
    "fuel shortages and power cuts", "the presence of foreign troops", "a spate of kidnappings in the city",
    "the detention of hundreds of young men without charge",
};

static const char *const COMMUNAL[] = {
    "Muslims and Christians", "rival clans", "farmers and herders", "Sunni and Shiite militias",
    "supporters of rival candidates", "police and protesters", "two rival tribes", "rival student groups",
};

static const char *const NEUTRAL[] = {"Doha", "Geneva", "Oslo", "Addis Ababa", "Havana", "Istanbul", "Nairobi",
                                      "Kuala Lumpur", "Vienna", "Astana"};

static const char *const ANON[] = {
    "two intelligence officials", "a senior security official", "local officials and relatives",
    "officials who spoke on condition of anonymity", "a military official", "tribal elders in the area",
};

static const char *const ORDS[] = {"second", "third", "fourth", "fifth", "sixth", "seventh"};

static const char *const DIRS[] = {"north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast"};

static const char *const DIRADJ[] = {"northern", "southern", "eastern", "western", "northwestern", "northeastern",
                                     "southwestern", "southeastern", "central"};

static const char *const DURS[] = {"several hours", "about 40 minutes", "most of the night", "nearly two hours",
                                   "more than six hours", "until dawn", "about an hour"};

static const char *const HOLIDAYS[] = {
    "the Muslim holy month of Ramadan", "the Eid al-Fitr holiday", "Independence Day celebrations", "Christmas",
    "the Ashura commemorations", "national elections", "a visit by foreign dignitaries", "the new school year",
};

static const char *const EVENTS[] = {
    "presidential elections scheduled for next spring", "talks with opposition groups",
    "a visit by the {UN} secretary-general", "a donor conference in {NEUTRAL}", "the withdrawal of foreign troops",
    "a new round of peace talks", "parliamentary elections", "a constitutional referendum",
};

static const char *const OCCS[] = {"shopkeeper", "farmer", "teacher", "taxi driver", "student", "day laborer",
                                   "mother of five", "mechanic", "nurse", "pharmacist", "fruit seller", "retired teacher"};

static const int AGES[] = {12, 13, 14, 15, 16, 17, 19, 22, 24, 25, 27, 29, 31, 32, 34, 35, 38, 40, 42, 45, 47, 50, 52, 55, 57, 60, 63, 66, 70, 72};

static const char *const NUMW[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "10", "11", "12"};

static const char *const MONTH_AP[] = {"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};
static const char *const MONTH_FULL[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                         "September", "October", "November", "December"};
static const char *const MONTH_REUT[] = {"Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"};
static const char *const WDAYS[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

/* --- quotations (without final punctuation) --- */
static const char *const QUOTES[] = {
    "We will not let them destroy what the people have built",
    "The attackers came at night and fired on everyone they saw",
    "There were bodies everywhere, and the wounded were crying for help",
    "This was a cowardly act against innocent civilians",
    "Our forces are in full control of the area",
    "We have no information yet about the number of casualties",
    "{GS} {HAS} nothing to do with this attack",
    "We warned the government many times, but nobody listened",
    "They took my brother and we have not heard from him since",
    "The security situation has improved, but the enemy is still active in some districts",
    "Negotiations are the only way to end this war",
    "We are ready to talk, but not under these conditions",
    "The so-called {LS}peace talks{RS} are a trick to buy time",
    "Our mujahideen carried out the operation and all of them were martyred",
    "The people are tired of war",
    "Nobody can go to the market anymore",
    "We buried {NS} members of my family this morning",
    "This is not a {LS}ceasefire{RS}; it is a pause before the next offensive",
    "The government must take responsibility for the safety of its citizens",
    "We call on all parties to respect international humanitarian law",
    "The humanitarian situation is catastrophic",
    "Food prices have doubled since the fighting started",
    "We have arrested several suspects and the investigation is continuing",
    "The explosion shattered windows hundreds of meters away",
    "I heard a huge blast and then shooting that lasted for about an hour",
    "The enemy suffered heavy losses",
    "Our fighters will continue until the foreign forces leave",
    "We condemn this attack in the strongest possible terms",
    "There is no military solution to this conflict",
    "The children are afraid to go to school",
    "We have asked for more troops, but none have arrived",
    "They are using civilians as human shields",
    "The bridge was the only road out of the town",
    "We do not know who is friend and who is enemy anymore",
    "It was the worst day of my life",
    "The election will go ahead as planned",
    "Anyone who cooperates with the occupiers is a legitimate target",
    "Most of the dead were women and children",
    "The hospital is overwhelmed and we are running out of blood",
    "We are investigating reports that civilians were among the dead",
    "The claims of {GS} are baseless propaganda",
    "Our doors are open to any fighter who lays down his weapons",
    "The operation will continue until the last terrorist is eliminated",
    "We could not reach the wounded because of the shelling",
    "This area has been cleared, and families can start returning",
    "I have lost everything{M}my house, my shop, my sons",
    "The militants set fire to the school before they left",
    "Several of the attackers were wearing police uniforms",
    "We were told it was safe to come back, but it is not",
    "We demand an independent investigation",
    "Ceasefire violations have been reported every night this week",
    "The money never reached the people who needed it",
    "Our patience has limits",
    "They came on motorcycles, shot the guards and disappeared into the orchards",
    "The road from {CITY} to {CAP} is closed again",
    "If the government wants peace, it must release our prisoners",
    "I voted because I want my children to have a future",
    "There is a lot of fear in the city",
    "We found {NS} bodies in a ditch near the river",
    "The situation is under control",
    "We did not expect an attack in this part of the city",
    "It is too early to say who was behind it",
    "The {LS}reconciliation{RS} program exists only on paper",
    "My son was only {AGE}, and he was martyred",
    "They told us to leave within an hour or be killed",
    "We have been without electricity for {NW} days",
    "Every family here has lost someone",
    "We will respond at a time and place of our choosing",
};

static const char *const QQUOTES[] = {
    "Who will protect us now?", "Where is the government?", "How many more people have to die?",
    "What are we supposed to do?", "Why did nobody warn us?", "Is this what they call security?",
    "Where can we go?", "Who is going to pay for this?",
};

static const char *const QPHRASES[] = {
    "desperate", "very tense", "a catastrophe in slow motion", "worse than anything we have seen in years",
    "a clear violation of the agreement", "an act of war", "under control", "deeply worrying",
    "a massacre", "a turning point",
};

static const char *const CLAUSES[] = {
    "the government would not negotiate with terrorists", "more troops would be sent to the area",
    "{GS} had suffered heavy casualties", "the investigation would be completed within {NW} days",
    "aid convoys had been unable to reach {CITY} for weeks", "several of the wounded were children",
    "the attackers had probably come from across the border", "families of the victims would be compensated",
    "security would be tightened around government buildings", "talks with {GS} had been suspended",
    "the curfew would remain in place until further notice", "{HIS} office had received threats",
};

/* ------------------------------------------------------------------ */
/* sentence templates                                                  */

/* Tokens: {P} new local person (with title), {P:Title}, {PW} Western person,
 * {PS} later reference to the last person, {PNAME} plain name, {HE} {HIS}
 * {SPOKES}, {ROLE} {SPKR} {WROLE}, {G} {GS} {GA} {GM} groups, {F} {FS} forces,
 * {HAS} {IS} {ITS} agree with the group named last,
 * {C} {DEM} {CAP} {CITY} {PROV} {DIST} {VIL} {LOC} {PLACE} {NEIGH} places,
 * {N} {NC} {NS} {NW} {NB} {NBQ} {PCT} {MONEY} {KMMI} {AGE} {ORD} numbers,
 * {D} {DA} {DM} {DPOS} {MY} {YR} {AY} {DAY} dates, {LQ} {RQ} {LS} {RS} {QC}
 * quotes, {Q} {QQ} {QPHR} {CLAUSE} quotations, {M} em dash, {ND} en dash,
 * {PARA} paragraph break, {URL} {EMAIL} {HANDLE}, ' = apostrophe. */

static const char *const LEADS[] = {
    "{WPN} exploded near {TGT} in {LOC} {D}, killing {N} people and wounding {NC} others, officials said.",
    "{GM} attacked {TGT} in {LOC} {D}, killing at least {NS} members of the security forces, according to local officials.",
    "A suicide bomber blew himself up at {TGT} in {CITY} {D}, killing {N} people, police said.",
    "{F} killed {N} {GM} in an operation in {LOC}, the military said in a statement {D}.",
    "Gunmen on motorcycles shot dead {P}, {ROLE}, in {CITY} {D}, police said.",
    "{N} people were killed {D} when {GM} stormed {TGT} in {LOC}, officials and witnesses said.",
    "Heavy fighting between {F} and {GA} fighters in {LOC} has forced {NBQ} residents to flee their homes over the past {NW} days, {INST} said {D}.",
    "{G} claimed responsibility {D} for an attack on {TGT} in {CITY} that killed {N} people.",
    "An airstrike hit {TGT} in {LOC} {D}, killing {N} civilians, according to residents and a local health official.",
    "{GM} abducted {N} people from {VIL} in {PROV} {D}, local officials said.",
    "{NBQ} people took to the streets of {CAP} {D} to protest against {CAUSE}.",
    "Police fired tear gas and live ammunition at protesters in {CITY} {D}, killing {NS} people, witnesses said.",
    "{F} said {D} they had recaptured {CITY} from {GS} after weeks of fighting.",
    "At least {NS} {DEM} soldiers were killed {D} when their vehicle struck {WPN} in {LOC}, the army said.",
    "{GA} militants seized control of {DIST} in {PROV} {D} after government forces withdrew, residents said.",
    "{P}, {ROLE}, survived an assassination attempt in {CITY} {D} when {WPN} struck {HIS} convoy.",
    "The death toll from {DPOS} bombing in {CITY} rose to {NC} {D}, officials said.",
    "{GA} fighters ambushed a convoy of {F} on the highway between {CITY} and {CAP} {D}, killing {N} soldiers.",
    "{N} suspected militants were arrested in raids across {PROV} {D}, {MIN} said.",
    "Rival factions clashed in {CITY} {D} for a {ORD} straight day, leaving {N} people dead, according to hospital officials.",
    "The {DEM} government and {G} signed a ceasefire agreement in {NEUTRAL} {D}, raising hopes of an end to {NW} years of conflict.",
    "{P}, {ROLE}, was killed {D} in a drone strike in {LOC}, {ANON} said.",
    "Mortar shells landed on a residential area of {CITY} {D}, killing {N} civilians, including {NS} children, the local health department said.",
    "{DEM} authorities imposed a curfew in {CITY} {D} after {N} people died in clashes between {COMMUNAL}.",
    "Voters in {C} went to the polls {D} amid tight security and threats of violence by {G}.",
    "{NS} aid workers were kidnapped in {PROV} {D}, {INST} said, the latest in a series of abductions targeting humanitarian staff.",
    "{F} launched a major offensive against {GA} strongholds in {PROV} {D}, backed by artillery and helicopter gunships, officials said.",
    "A car bomb tore through a busy street in {CITY} {D}, killing {N} people and setting several buildings on fire.",
    "{GA} gunmen attacked a police station in {LOC} overnight, killing {NS} officers and freeing {NC} prisoners, police said {D}.",
    "Security forces in {C} said {D} they had foiled a plot to attack {TGT} in {CAP}, arresting {NS} suspects.",
    "The {DEM} military said {D} that it had killed {P}, a senior commander of {G}, in an operation in {LOC}.",
    "Thousands of families have fled {DIST} since {GA} fighters moved into the area {D}, according to {INST}.",
    "Armed men opened fire on {TGT} in {LOC} {D}, killing {N} people before fleeing, witnesses said.",
    "{P}, {ROLE}, resigned {D} amid mounting criticism over the government's failure to stop attacks by {GS}.",
    "Lawmakers in {CAP} voted {D} to extend the state of emergency in {PROV} for another {NW} months.",
    "A bomb hidden in a cart exploded at a vegetable market in {CITY} {D}, killing {N} people.",
    "{N} people, most of them civilians, have been killed in {PROV} since the start of the year, according to a tally by {AGENCY}.",
    "Clashes erupted {D} between {F} and supporters of {P} in {CITY}, leaving {N} people wounded.",
    "Unidentified gunmen kidnapped {P}, {ROLE}, from {HIS} home in {CITY} {D}, {HIS} family said.",
    "{G} released {N} hostages {D} after months of negotiations mediated by tribal elders, officials said.",
    "A {US} drone strike killed {N} suspected {GA} militants in {LOC} {D}, according to {ANON}.",
    "{P:President} sacked {HIS} army chief {D}, days after {GS} overran a military base in {PROV}.",
};

static const char *const BODIES[] = {
    "The attack was the deadliest in {C} since {MY}.",
    "No group immediately claimed responsibility, but suspicion fell on {G}, which {HAS} carried out similar attacks in the past.",
    "Among the dead were {NS} police officers and a local journalist, {PS} said.",
    "The wounded were taken to hospitals in {CITY}, where some were in critical condition.",
    "{HE} said the attackers had been wearing suicide vests and carrying automatic weapons.",
    "{G} {HAS} been fighting the government since {YR} and {HAS} taken control of large parts of {PROV}.",
    "Witnesses said the explosion left a crater several meters wide and damaged nearby shops.",
    "{GS} {HAS} carried out dozens of attacks in {PROV} over the past year.",
    "Officials said the death toll could rise because many of the wounded were in serious condition.",
    "{F} cordoned off the area and began searching nearby houses.",
    "The {UN} says more than {NK} civilians were killed or wounded in the conflict last year.",
    "{PS} said {NS} of the attackers were killed in the gunbattle, which lasted {DUR}.",
    "Local television showed images of burning vehicles and bloodied victims being carried away.",
    "The {DEM} government has repeatedly accused {NEIGH} of sheltering militants, a charge it denies.",
    "In a statement, {MIN} described the attack as {LQ}a heinous crime against humanity{RQ} and vowed to bring those responsible to justice.",
    "The {US} Embassy in {CAP} condemned the attack and offered condolences to the families of the victims.",
    "Residents said many families had fled to {CITY} in recent days, fearing an escalation.",
    "The violence comes as the government prepares for {EVENT}.",
    "Security has deteriorated sharply in {PROV} since {F} reduced their presence there in {YR}.",
    "{PS} said investigators were examining security camera footage and had detained {NS} people for questioning.",
    "Hospital officials put the number of wounded at {NC}, many with shrapnel wounds.",
    "The bombing was the {ORD} in the city this month.",
    "{G} said in a message posted online that {ITS} fighters had killed {NC} soldiers, a claim that could not be independently verified.",
    "The claim could not be independently verified because access to the area is restricted.",
    "Mobile phone networks in the area were shut down shortly after the attack.",
    "Aid agencies have warned that {NB} people in {PROV} face severe food shortages.",
    "The government has offered a reward of {MONEY} for information leading to the capture of the group's leader.",
    "Talks between the two sides collapsed in {MY}, and fighting has intensified since then.",
    "Many of the displaced are living in makeshift camps with little access to clean water or medical care.",
    "{P}, {ROLE}, told reporters that {NS} suspects had been arrested in connection with the attack.",
    "{G} {HAS} rarely commented on {ITS} losses.",
    "According to {INST}, at least {NB} people have been displaced by the fighting in the past {NW} months.",
    "The area is a stronghold of {G}, which {HAS} been waging an insurgency against the government for years.",
    "Officials said the attacker detonated his explosives as guards tried to search him at the gate.",
    "The victims included a {AGE}-year-old boy and his mother, who were on their way to the market.",
    "The road linking {CITY} to {CAP} has been closed for {NW} weeks because of the fighting.",
    "Since {MY}, more than {NK} people have been killed in attacks blamed on {G}, according to a tally by {AGENCY}.",
    "{PS} declined to give further details, citing the continuing investigation.",
    "The attack took place despite a heavy security presence in the city ahead of {HOLIDAY}.",
    "Local elders said {G} had been collecting taxes from farmers and traders in the area for months.",
    "{F} have been accused by rights groups of abuses, including extrajudicial killings and torture, allegations the military denies.",
    "Human rights groups have called for an independent inquiry into the deaths.",
    "The {DEM} parliament held an emergency session {D} to discuss the security situation.",
    "{P:President} called an emergency meeting of the national security council.",
    "{P:President} condemned the bombing as {LQ}cowardly and inhuman{RQ} and ordered an investigation.",
    "The {UN} Security Council is expected to discuss the situation in {C} later this week.",
    "Prices of basic goods in {CITY} have risen by {PCT} since the fighting began, traders said.",
    "The militants were believed to have crossed from neighboring {NEIGH}, officials said.",
    "It was not clear how the attackers had managed to get past several checkpoints on the road leading to the compound.",
    "The last major attack in the city, in {MY}, killed {N} people at a wedding.",
    "The {US} military has carried out dozens of airstrikes against {GA} targets in {C} this year.",
    "Some residents accused {F} of firing indiscriminately after the attack, wounding bystanders.",
    "Television footage showed soldiers patrolling empty streets in {CITY} on {DAY}, a day after the clashes.",
    "Schools and markets in {CITY} remained closed {D} as residents stayed indoors.",
    "{GA} fighters had reportedly set up checkpoints on the main road and were searching vehicles for government employees.",
    "The attack on {TGT} was the latest in a wave of violence that has killed more than {NK} people this year.",
    "{P}, {ROLE}, said the government had failed to protect the area despite repeated warnings.",
    "{G} {HAS} been weakened by a series of military offensives but {IS} still capable of carrying out large-scale attacks.",
    "Officials said {NS} of the dead were foreigners, but did not disclose their nationalities.",
    "A curfew remained in force in parts of {CITY} on {DAY}.",
    "Electricity and water supplies to {DIST} have been cut for more than {NW} days, residents said.",
    "{PS} said {HIS} men had recovered weapons, ammunition and explosives from a hideout near {VIL}.",
    "Earlier this month, {N} people were killed when {WPN} exploded at {TGT} in the same area.",
    "The {DEM} military rarely releases casualty figures, and its statements are difficult to verify independently.",
    "{INST} said it was deeply concerned about reports of civilian casualties and urged all sides to exercise restraint.",
    "Several houses were destroyed and dozens of livestock killed in the shelling, villagers said.",
    "The government has deployed {NB} additional troops to {PROV} since {MY}.",
    "The area, about {KMMI} {DIR} of {CAP}, has seen frequent clashes between {F} and {GA} fighters.",
    "Opposition leaders accused the government of using the security crisis as a pretext to delay the vote.",
    "{P:Dr.}, a surgeon at the central hospital in {CITY}, said most of the patients had bullet or shrapnel wounds.",
    "The incident is likely to further strain relations between {C} and {NEIGH}.",
    "The militants, some of them reportedly foreigners, were armed with rocket-propelled grenades and heavy machine guns.",
    "A police officer at the scene, who asked not to be named, said the bomb had been planted in a parked car.",
    "{NS} of the wounded were airlifted to {CAP} for treatment.",
    "The fighting has displaced an estimated {NB} people since {MY}, according to {INST}.",
    "In {YR}, {G} seized large areas of {PROV} before being pushed back by a military offensive.",
    "{GS} denied involvement in the attack in a statement sent to journalists.",
    "Some {NS} hours after the blast, rescue workers were still searching the rubble for survivors.",
    "The group has often targeted members of the security forces, government officials and people it accuses of spying.",
    "Analysts say {G} {HAS} exploited local grievances over land, jobs and corruption to recruit young men.",
    "The ministry later published a list of the victims on its website, {URL}.",
    "{GS} issued {ITS} claim in an e-mail sent from {EMAIL} to several news organizations.",
    "{PW}, {WROLE}, urged the government to {LQ}redouble its efforts{RQ} to protect civilians.",
    "The {US} State Department said on {DAY} that it was {LQ}closely monitoring{RQ} the situation.",
    "{NB} people, or roughly {PCT} of the province's population, now depend on food aid.",
    "The group's leader, {P}, has a {MONEY} bounty on {HIS} head.",
    "The convoy was traveling from {CITY} to {CAP} when it was hit, {PS} said.",
    "{INST} estimated that {NBQ} people had crossed into {NEIGH} since {DM}.",
    "Officials in {CAP} said the vote would be held on {DA} as scheduled.",
    "Witnesses described seeing {NC} armed men arriving in pickup trucks shortly before dawn.",
    "By late afternoon, the bodies of {NC} victims had been identified, {PS} said.",
};

static const char *const QUOTE_FORMS[] = {
    "{LQ}{Q}{QC}{P}, {ROLE}, said.",
    "{LQ}{Q}{QC}{HE} said.",
    "{LQ}{Q}{QC}said {P}, {ROLE}.",
    "{P}, {SPKR}, said: {LQ}{Q}.{RQ}",
    "{LQ}{Q}{QC}{PS} told {AGENCY} by telephone. {LQ}{Q}.{RQ}",
    "{LQ}{Q}. {Q}.{PARA}{LQ}{Q}{QC}{HE} added.",
    "According to {P}, {ROLE}, {LQ}{Q}.{RQ}",
    "{LQ}{QQ}{RQ} asked {P}, {ROLE}.",
    "Said {P}, {ROLE}: {LQ}{Q}.{RQ}",
    "{P}, {ROLE}, described the situation as {LQ}{QPHR}.{RQ}",
    "{LQ}{Q}{QC}{HE} said, adding that {CLAUSE}.",
    "{LQ}{Q}{QC}said {PNAME}, a {AGE}-year-old {OCC} from {VIL}.",
    "In a statement posted on its website, {G} said: {LQ}{Q}.{RQ}",
    "{LQ}{Q}{QC}{PS} said in a telephone interview from {CITY}. {LQ}{Q}. {Q}.{RQ}",
    "{P}, {ROLE}, put it bluntly: {LQ}{Q}.{RQ}",
    "{LQ}{Q}{QC}{HE} said. {LQ}{Q}.{PARA}{LQ}{Q}.{RQ}",
    "{LQ}{Q}{QC}said {PW}, {WROLE}.",
    "{PS} called the attack {LQ}{QPHR}{RQ} and said {CLAUSE}.",
    "{LQ}{Q}{QC}{P} said. {LQ}{QQ}{RQ}",
};

static const char *const SEPARATE[] = {"In a separate incident, ", "Elsewhere, ", "Meanwhile, ", "In another attack, ",
                                       "Separately, "};

static const char *const CLOSERS[] = {
    "{PNAME} contributed reporting from {CITY}.",
    "{PNAME} reported from {CITY}, and {PNAME} from {CAP}.",
    "{WIRE} writers {PNAME} in {CITY} and {PNAME} in {CAP} contributed to this report.",
    "A previous version of this story gave the wrong name of a district in {PROV}.",
    "This story was updated with comments from {MIN}.",
    "The full report is available at {URL}.",
    "Tips can be sent to {EMAIL}.",
    "Filed under: World \\ {C} \\ Security",
    "Copyright {AY} {SRC}. All rights reserved.",
    "Contact the reporter at {EMAIL} or follow {HANDLE}.",
    "(Reporting by {PNAME}; Editing by {PNAME})",
    "Read more: {URL}",
};

static const char *const HEADLINES[] = {
    "{NC} Killed in {CITY} Bombing",
    "Suicide Attack Kills {NC} in {C}",
    "{GS} Claims Deadly Attack in {PROV}",
    "{DEM} Forces Retake {CITY} From {GS}",
    "Gunmen Kill {NS} Police Officers in {CITY}",
    "{C}: Thousands Flee Fighting in {PROV}",
    "Ceasefire Talks Between {DEM} Government and {GS} Stall",
    "Airstrike Kills Civilians in {PROV}, Residents Say",
    "{UN} Warns of Humanitarian Crisis in {C}",
    "Protesters Clash With Police in {CAP}",
    "Militants Abduct Aid Workers in {PROV}",
    "Death Toll From {CITY} Blast Rises to {NC}",
    "{DEM} Army Says It Killed {NC} Militants",
    "Curfew Imposed in {CITY} After Deadly Clashes",
    "Senior {GA} Commander Killed in Drone Strike",
    "In {CITY}, Fear and Anger After Latest Attack",
    "Election Day Violence Mars Vote in {C}",
    "Roadside Bomb Kills Soldiers in {PROV}",
    "{GA} Fighters Seize District in {PROV}",
    "{C} Extends State of Emergency",
    "Bombing at Market in {CITY} Kills Dozens",
    "Kidnapped {DEM} Official Freed After Talks",
    "Families Search for Missing After {CITY} Attack",
    "Rights Group Accuses {DEM} Forces of Abuses in {PROV}",
    "Police say {NS} arrested over {CITY} bombing",
    "{CITY} attack: what we know so far",
    "Analysis: why {GS} {IS} gaining ground in {PROV}",
    "{DEM} troops killed in ambush near {CITY}",
};

/* ------------------------------------------------------------------ */
/* article state                                                       */

typedef struct {
    char first[64];
    const char *last;
    size_t title;
    int female, cult;
} person_t;

typedef struct {
    const country_t *c;
    const source_t *src;
    size_t ngroups, g, gmain;
    const char *city, *prov;
    long days; /* article date as days since 1970-01-01 */
    int y, m, d;
    /* style */
    int quotes;   /* 0 straight, 1 curly, 2 mixed */
    int dash;     /* em dash rendering */
    int refstyle; /* 0 honorific (Mr. Khan), 1 surname (Khan), 2 title (Gen. Khan) */
    int drop_on, brit, nbsp, crlf, tab, twosp, usdots, euro_num;
    int has_date; /* JSONL carries a "date" field */
    double dmg, qdmg, lsep;
    int gpl; /* the group named last is grammatically plural */
    /* discourse */
    person_t last;
    int has_last;
    unsigned char used_body[NELEM(BODIES)], used_q[NELEM(QUOTES)], used_qf[NELEM(QUOTE_FORMS)];
    int depth;
} art_t;

static void expand(art_t *a, sb_t *o, const char *t);

static int curly(const art_t *a) { return a->quotes == 1 || (a->quotes == 2 && chance(0.5)); }

static void apos(const art_t *a, sb_t *o)
{
    if (curly(a))
        sb_s(o, RSQ);
    else
        sb_c(o, '\'');
}

/* copy a data string, rendering apostrophes in the article's style */
static void put(const art_t *a, sb_t *o, const char *s)
{
    const char *p = s;
    for (;;) {
        const char *q = p;
        while (*q && *q != '\'')
            q++;
        sb_add(o, p, (size_t)(q - p));
        if (!*q)
            break;
        apos(a, o);
        p = q + 1;
    }
}

/* --- dates (Howard Hinnant's civil-calendar algorithms) --- */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *yy, int *mm, int *dd)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    *yy = (int)(y + (m <= 2));
    *mm = (int)m;
    *dd = (int)d;
}

static int wday_of(long days) { return (int)(((days % 7) + 11) % 7); } /* 1970-01-01 was a Thursday */

static void put_date(const art_t *a, sb_t *o, long days, int with_year)
{
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    if (a->brit) {
        sb_u(o, (unsigned long)d);
        sb_c(o, ' ');
        sb_s(o, MONTH_FULL[m - 1]);
    } else {
        sb_s(o, chance(0.2) ? MONTH_FULL[m - 1] : MONTH_AP[m - 1]);
        sb_c(o, ' ');
        sb_u(o, (unsigned long)d);
        if (with_year)
            sb_c(o, ',');
    }
    if (with_year) {
        sb_c(o, ' ');
        sb_u(o, (unsigned long)y);
    }
}

static void put_relative_date(art_t *a, sb_t *o)
{
    long k = rrange(0, 2);
    const char *wd = WDAYS[wday_of(a->days - k)];
    switch (rn(22)) {
    case 0: case 1: case 2: case 3: case 4: case 5:
        if (!a->drop_on)
            sb_s(o, "on ");
        sb_s(o, wd);
        break;
    case 6: sb_s(o, "yesterday"); break;
    case 7: sb_s(o, "today"); break;
    case 8: sb_s(o, "on "); sb_s(o, wd); sb_s(o, chance(0.5) ? " night" : " morning"); break;
    case 9: sb_s(o, chance(0.5) ? "early " : "late "); sb_s(o, wd); break;
    case 10: sb_s(o, "last week"); break;
    case 11: sb_s(o, "earlier this week"); break;
    case 12: sb_s(o, "last month"); break;
    case 13: sb_s(o, "over the weekend"); break;
    case 14: sb_s(o, "on "); put_date(a, o, a->days - rrange(1, 10), 0); break;
    case 15: sb_s(o, "overnight"); break;
    case 16: sb_s(o, "this morning"); break;
    case 17: sb_s(o, chance(0.5) ? "two days ago" : "three days ago"); break;
    case 18: sb_s(o, "at dawn on "); sb_s(o, wd); break;
    case 19: sb_s(o, "last "); sb_s(o, WDAYS[wday_of(a->days - rrange(3, 6))]); break;
    case 20: sb_s(o, "on "); put_date(a, o, a->days - rrange(0, 3), 1); break;
    default: sb_s(o, "earlier this year"); break;
    }
}

/* --- numbers --- */
static void put_commas(const art_t *a, sb_t *o, unsigned long v)
{
    char t[32];
    int k = snprintf(t, sizeof t, "%lu", v);
    for (int i = 0; i < k; i++) {
        if (i > 0 && (k - i) % 3 == 0) {
            if (a->euro_num)
                sb_s(o, NBSP);
            else
                sb_c(o, ',');
        }
        sb_c(o, t[i]);
    }
}

static unsigned long small_count(void) { return (unsigned long)(2 + rn(10) + (chance(0.4) ? rn(45) : 0)); }

static const char *const ROUND_QUAL[] = {"about", "nearly", "more than", "some", "up to", "around", "almost"};
static const unsigned long ROUNDS[] = {10, 12, 15, 20, 25, 30, 40, 50, 60, 70, 80, 100, 150, 200, 300};

static void put_count(art_t *a, sb_t *o, int allow_of)
{
    double r = ru();
    if (r < 0.28) {
        sb_u(o, small_count());
    } else if (r < 0.42) {
        sb_s(o, "at least ");
        sb_u(o, small_count() + 1);
    } else if (r < 0.52) {
        sb_s(o, PICK(ROUND_QUAL));
        sb_c(o, ' ');
        sb_u(o, PICK(ROUNDS));
    } else if (r < 0.64) {
        static const char *const W[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine",
                                        "a dozen", "two dozen", "half a dozen"};
        sb_s(o, PICK(W));
    } else if (r < 0.70 && allow_of) {
        static const char *const W[] = {"dozens of", "scores of", "hundreds of"};
        sb_s(o, PICK(W));
    } else if (r < 0.78) {
        unsigned long lo = (unsigned long)(5 + rn(40)), hi = lo + (unsigned long)(5 + rn(20));
        switch (rn(3)) {
        case 0: sb_s(o, "between "); sb_u(o, lo); sb_s(o, " and "); sb_u(o, hi); break;
        case 1: sb_u(o, lo); sb_s(o, " to "); sb_u(o, hi); break;
        default: sb_u(o, lo); sb_s(o, curly(a) ? END_ : "-"); sb_u(o, hi); break;
        }
    } else if (r < 0.88) {
        sb_s(o, "at least ");
        sb_s(o, NUMW[2 + rn(8)]);
    } else {
        put_commas(a, o, (unsigned long)(100 + rn(2400)));
    }
}

static void put_big(art_t *a, sb_t *o)
{
    double r = ru();
    if (r < 0.55) {
        static const unsigned long MAG[] = {1000, 1000, 10000, 10000, 100000};
        unsigned long m = PICK(MAG);
        unsigned long v = m + (unsigned long)rn((size_t)(m * 9)) ;
        v = v / (m / 100 ? m / 100 : 1) * (m / 100 ? m / 100 : 1);
        put_commas(a, o, v);
    } else if (r < 0.75) {
        sb_u(o, (unsigned long)(1 + rn(4)));
        if (chance(0.6)) {
            sb_c(o, '.');
            sb_u(o, (unsigned long)(1 + rn(9)));
        }
        sb_s(o, " million");
    } else {
        put_commas(a, o, (unsigned long)(1 + rn(30)) * 100);
    }
}

/* --- people --- */
static void make_person(art_t *a, person_t *p, int western, const char *title)
{
    int cult = western ? C_WEST : a->c->cult;
    const culture_t *cu = &CULTURES[cult];
    p->cult = cult;
    p->female = chance(western ? 0.3 : 0.12);
    if (cult == C_BURMA) {
        snprintf(p->first, sizeof p->first, "%s %s", p->female ? pickz(cu->f) : pickz(cu->m), pickz(cu->last));
    } else if (cult == C_WEST && chance(0.2)) {
        snprintf(p->first, sizeof p->first, "%s %c.", p->female ? pickz(cu->f) : pickz(cu->m), (char)('A' + rn(26)));
    } else {
        snprintf(p->first, sizeof p->first, "%s", p->female ? pickz(cu->f) : pickz(cu->m));
    }
    p->last = pickz(cu->last);
    if (title) {
        p->title = title_index(title);
        return;
    }
    if (chance(0.42)) {
        p->title = 0;
        return;
    }
    static const char *const LOCAL[] = {"Gen.", "Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Col.", "Lt. Col.", "Maj.", "Capt.",
                                        "Sgt.", "Mr.", "Mr.", "Dr.", "Dr.", "Gov.", "Judge", "Police Chief"};
    static const char *const WEST[] = {"Gen.", "Lt. Gen.", "Col.", "Mr.", "Mr.", "Dr.", "Adm.", "Ambassador", "Sen.", "Maj."};
    const char *t = western ? PICK(WEST) : PICK(LOCAL);
    if (!western && chance(0.2)) {
        if (cult == C_AFPK) {
            static const char *const R[] = {"Mullah", "Maulana", "Haji"};
            t = PICK(R);
        } else if (cult == C_ARAB || cult == C_SOMALI) {
            t = "Sheikh";
        }
    }
    if (p->female && !strcmp(t, "Mr."))
        t = chance(0.7) ? "Ms." : "Mrs.";
    if (p->female && (!strcmp(t, "Mullah") || !strcmp(t, "Maulana") || !strcmp(t, "Sheikh") || !strcmp(t, "Haji")))
        t = "Dr.";
    p->title = title_index(t);
}

static void put_plain_name(const art_t *a, sb_t *o, const person_t *p)
{
    put(a, o, p->first);
    sb_c(o, ' ');
    put(a, o, p->last);
}

static void put_intro(const art_t *a, sb_t *o, const person_t *p)
{
    const char *t = TITLES[p->title].intro;
    if (*t) {
        sb_s(o, t);
        if (a->nbsp == 1)
            sb_s(o, NBSP);
        else
            sb_c(o, ' ');
    }
    put_plain_name(a, o, p);
}

static void put_ref(const art_t *a, sb_t *o, const person_t *p)
{
    const char *lastname = p->last;
    int full = p->cult == C_BURMA;
    const title_t *t = &TITLES[p->title];
    if (a->refstyle == 1) {
        if (full)
            put_plain_name(a, o, p);
        else
            put(a, o, lastname);
        return;
    }
    const char *hon;
    if (a->refstyle == 2 && *t->intro && strcmp(t->intro, "President") && strcmp(t->intro, "Prime Minister") &&
        strcmp(t->intro, "Ambassador") && strcmp(t->intro, "Police Chief"))
        hon = t->intro;
    else if (*t->nyt)
        hon = t->nyt;
    else
        hon = p->female ? "Ms." : "Mr.";
    sb_s(o, hon);
    sb_s(o, a->nbsp == 1 ? NBSP : " ");
    if (full)
        put_plain_name(a, o, p);
    else
        put(a, o, lastname);
}

/* --- places --- */
static const char *pick_city(art_t *a) { return chance(0.5) ? a->city : pickz(a->c->cities); }
static const char *pick_prov(art_t *a) { return chance(0.5) ? a->prov : pickz(a->c->provs); }

static void put_prov(art_t *a, sb_t *o)
{
    const char *p = pick_prov(a);
    double r = ru();
    if (r < 0.2) {
        put(a, o, p);
    } else if (r < 0.3) {
        sb_s(o, "the ");
        sb_s(o, a->c->prov_word);
        sb_s(o, " of ");
        put(a, o, p);
    } else {
        put(a, o, p);
        sb_c(o, ' ');
        sb_s(o, a->c->prov_word);
    }
}

static void put_dist(art_t *a, sb_t *o)
{
    put(a, o, pickz(a->c->dists));
    if (*a->c->dist_word) {
        sb_c(o, ' ');
        sb_s(o, a->c->dist_word);
    }
}

static void put_vil(art_t *a, sb_t *o)
{
    double r = ru();
    const char *v = pickz(a->c->vils);
    if (r < 0.6) {
        sb_s(o, "the village of ");
        put(a, o, v);
    } else if (r < 0.8) {
        put(a, o, v);
        sb_s(o, " village");
    } else {
        put(a, o, v);
    }
}

static void put_loc(art_t *a, sb_t *o)
{
    switch (rn(9)) {
    case 0: case 1: put(a, o, pick_city(a)); break;
    case 2: put_dist(a, o); sb_s(o, chance(0.5) ? " in " : " of "); put_prov(a, o); break;
    case 3: put_vil(a, o); sb_s(o, " in "); put_prov(a, o); break;
    case 4: put_prov(a, o); break;
    case 5: sb_s(o, "the outskirts of "); put(a, o, pick_city(a)); break;
    case 6: sb_s(o, "a remote area of "); put_prov(a, o); break;
    case 7: sb_s(o, "the "); sb_s(o, PICK(DIRADJ)); sb_s(o, " city of "); put(a, o, pick_city(a)); break;
    default: sb_s(o, "the "); sb_s(o, PICK(DIRADJ)); sb_s(o, " part of "); put(a, o, pick_city(a)); break;
    }
}

static const group_t *cur_group(art_t *a) { return &a->c->groups[a->g]; }

static void slugify(sb_t *o, const char *s, size_t maxlen)
{
    size_t start = o->n;
    int dash = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && o->n - start < maxlen; p++) {
        unsigned char ch = *p;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            if (dash && o->n > start)
                sb_c(o, '-');
            dash = 0;
            sb_c(o, (char)ch);
        } else if (ch >= 'A' && ch <= 'Z') {
            if (dash && o->n > start)
                sb_c(o, '-');
            dash = 0;
            sb_c(o, (char)(ch + 32));
        } else if (ch < 0x80 || ch >= 0xC0) {
            dash = 1;
        }
    }
}

static void put_url(art_t *a, sb_t *o)
{
    sb_s(o, chance(0.8) ? "https://" : "http://");
    if (chance(0.5)) {
        sb_s(o, "www.");
        sb_s(o, PICK(SOURCES).domain);
    } else {
        sb_s(o, PICK(ORG_DOMAINS));
    }
    sb_s(o, chance(0.5) ? "/reports/" : "/news/");
    slugify(o, a->c->name, 40);
    sb_c(o, '/');
    sb_u(o, (unsigned long)a->y);
    sb_c(o, '/');
    static const char *const W[] = {"situation-update", "casualty-list", "statement", "press-release", "briefing"};
    sb_s(o, PICK(W));
    sb_c(o, '-');
    sb_u(o, (unsigned long)(100 + rn(9900)));
    if (chance(0.3))
        sb_s(o, ".html");
    if (chance(0.15)) {
        sb_s(o, "?ref=");
        slugify(o, a->src->name, 20);
    }
}

static void put_email(sb_t *o)
{
    static const char *const L[] = {"press", "media", "info", "newsdesk", "tips", "comms.office", "spokesperson"};
    sb_s(o, PICK(L));
    sb_c(o, '@');
    sb_s(o, chance(0.5) ? PICK(SOURCES).domain : PICK(ORG_DOMAINS));
}

static void put_dash(const art_t *a, sb_t *o)
{
    switch (a->dash) {
    case 0: sb_s(o, " " EMD " "); break;
    case 1: sb_s(o, EMD); break;
    case 2: sb_s(o, " -- "); break;
    default: sb_s(o, " " END_ " "); break;
    }
}

static void put_lq(const art_t *a, sb_t *o) { sb_s(o, curly(a) ? LDQ : "\""); }
static void put_rq(const art_t *a, sb_t *o) { sb_s(o, curly(a) ? RDQ : "\""); }

/* expand one {TOKEN} */
static void tok(art_t *a, sb_t *o, const char *name)
{
    const group_t *g = cur_group(a);
    switch (name[0]) {
    case 'A':
        if (!strcmp(name, "AGENCY")) { put(a, o, PICK(AGENCIES)); return; }
        if (!strcmp(name, "ANON")) { sb_s(o, PICK(ANON)); return; }
        if (!strcmp(name, "AGE")) { sb_u(o, (unsigned long)PICK(AGES)); return; }
        if (!strcmp(name, "AY")) { sb_u(o, (unsigned long)a->y); return; }
        break;
    case 'C':
        if (!strcmp(name, "C")) { sb_s(o, a->c->name); return; }
        if (!strcmp(name, "CITY")) { put(a, o, pick_city(a)); return; }
        if (!strcmp(name, "CAP")) { sb_s(o, a->c->cap); return; }
        if (!strcmp(name, "CAUSE")) { expand(a, o, PICK(CAUSES)); return; }
        if (!strcmp(name, "COMMUNAL")) { sb_s(o, PICK(COMMUNAL)); return; }
        if (!strcmp(name, "CLAUSE")) { expand(a, o, PICK(CLAUSES)); return; }
        break;
    case 'D':
        if (!strcmp(name, "D")) { put_relative_date(a, o); return; }
        if (!strcmp(name, "DEM")) { sb_s(o, a->c->dem); return; }
        if (!strcmp(name, "DIST")) { put_dist(a, o); return; }
        if (!strcmp(name, "DA")) { put_date(a, o, a->days - (long)rn(400), 1); return; }
        if (!strcmp(name, "DM")) { put_date(a, o, a->days - (long)rn(30), 0); return; }
        if (!strcmp(name, "DAY")) { sb_s(o, WDAYS[wday_of(a->days - (long)rn(3))]); return; }
        if (!strcmp(name, "DIR")) { sb_s(o, PICK(DIRS)); return; }
        if (!strcmp(name, "DUR")) { sb_s(o, PICK(DURS)); return; }
        if (!strcmp(name, "DPOS")) {
            switch (rn(5)) {
            case 0: sb_s(o, "last week"); break;
            case 1: sb_s(o, "yesterday"); break;
            case 2: sb_s(o, "the weekend"); break;
            default: sb_s(o, WDAYS[wday_of(a->days - rrange(1, 6))]); break;
            }
            apos(a, o);
            sb_c(o, 's');
            return;
        }
        break;
    case 'E':
        if (!strcmp(name, "EVENT")) { expand(a, o, PICK(EVENTS)); return; }
        if (!strcmp(name, "EMAIL")) { put_email(o); return; }
        break;
    case 'F':
        if (!strcmp(name, "F")) {
            if (chance(0.5)) {
                put(a, o, pickz(a->c->forces));
            } else {
                static const char *const T[] = {"{DEM} security forces", "{DEM} troops", "{DEM} soldiers", "the {DEM} army",
                                                "{DEM} police", "government forces", "security forces"};
                expand(a, o, PICK(T));
            }
            return;
        }
        break;
    case 'G':
        if (!strcmp(name, "G") || !strcmp(name, "GS")) {
            const char *nm = name[1] == 'S' || chance(0.2) ? g->shrt : g->full;
            size_t len = strlen(nm);
            a->gpl = nm[len - 1] == 's' && !(len > 6 && !strcmp(nm + len - 6, "Forces"));
            put(a, o, nm);
            return;
        }
        if (!strcmp(name, "GA")) { put(a, o, g->attr); return; }
        if (!strcmp(name, "GM")) {
            static const char *const K[4][4] = {{"militants", "insurgents", "fighters", "jihadists"},
                                                {"rebels", "fighters", "separatists", "guerrillas"},
                                                {"gunmen", "cartel gunmen", "hit men", "suspected gang members"},
                                                {"militiamen", "gunmen", "fighters", "armed men"}};
            const char *noun = K[g->kind][rn(4)];
            double r = ru();
            if (r < 0.45) {
                sb_s(o, noun);
            } else if (r < 0.85) {
                put(a, o, g->attr);
                sb_c(o, ' ');
                sb_s(o, g->kind == 2 ? "gunmen" : noun);
            } else {
                sb_s(o, "suspected ");
                put(a, o, g->attr);
                sb_c(o, ' ');
                sb_s(o, noun);
            }
            return;
        }
        break;
    case 'H':
        if (!strcmp(name, "HE")) { sb_s(o, a->has_last ? (a->last.female ? "she" : "he") : "the official"); return; }
        if (!strcmp(name, "HIS")) { sb_s(o, a->has_last ? (a->last.female ? "her" : "his") : "the"); return; }
        if (!strcmp(name, "HAS")) { sb_s(o, a->gpl ? "have" : "has"); return; }
        if (!strcmp(name, "HOLIDAY")) { sb_s(o, PICK(HOLIDAYS)); return; }
        if (!strcmp(name, "HANDLE")) { sb_c(o, '@'); slugify(o, a->src->name, 30); return; }
        break;
    case 'I':
        if (!strcmp(name, "IS")) { sb_s(o, a->gpl ? "are" : "is"); return; }
        if (!strcmp(name, "ITS")) { sb_s(o, a->gpl ? "their" : "its"); return; }
        if (!strcmp(name, "INST")) { sb_s(o, PICK(INSTS)); return; }
        break;
    case 'K':
        if (!strcmp(name, "KMMI")) {
            unsigned long km = (unsigned long)(15 + rn(386)) / 5 * 5;
            sb_u(o, km);
            sb_s(o, " kilometers (");
            sb_u(o, (km * 62 + 50) / 100);
            sb_s(o, " miles)");
            return;
        }
        break;
    case 'L':
        if (!strcmp(name, "LQ")) { put_lq(a, o); return; }
        if (!strcmp(name, "LS")) { sb_s(o, curly(a) ? LSQ : "'"); return; }
        if (!strcmp(name, "LOC")) { put_loc(a, o); return; }
        break;
    case 'M':
        if (!strcmp(name, "M")) { put_dash(a, o); return; }
        if (!strcmp(name, "MIN")) { sb_s(o, PICK(MINISTRIES)); return; }
        if (!strcmp(name, "MY")) {
            int y, m, d;
            civil_from_days(a->days - rrange(30, 1500), &y, &m, &d);
            sb_s(o, MONTH_FULL[m - 1]);
            sb_c(o, ' ');
            sb_u(o, (unsigned long)y);
            return;
        }
        if (!strcmp(name, "MONEY")) {
            switch (rn(4)) {
            case 0: sb_c(o, '$'); sb_u(o, (unsigned long)(1 + rn(9))); sb_c(o, '.'); sb_u(o, (unsigned long)(1 + rn(9))); sb_s(o, " million"); break;
            case 1: sb_c(o, '$'); put_commas(a, o, (unsigned long)(10 + rn(490)) * 1000); break;
            case 2: sb_c(o, '$'); sb_u(o, (unsigned long)(1 + rn(20))); sb_s(o, " million"); break;
            default: sb_u(o, (unsigned long)(1 + rn(9))); sb_s(o, " million euros"); break;
            }
            return;
        }
        break;
    case 'N':
        if (!strcmp(name, "N")) { put_count(a, o, 1); return; }
        if (!strcmp(name, "NC")) { put_count(a, o, 0); return; }
        if (!strcmp(name, "NS")) {
            size_t v = 2 + rn(8);
            if (chance(0.8)) sb_s(o, NUMW[v]); else sb_u(o, (unsigned long)v);
            return;
        }
        if (!strcmp(name, "NW")) { sb_s(o, NUMW[2 + rn(11)]); return; }
        if (!strcmp(name, "NB")) { put_big(a, o); return; }
        if (!strcmp(name, "NK")) { put_commas(a, o, (unsigned long)(100 + rn(40) * 100 + rn(100))); return; }
        if (!strcmp(name, "NBQ")) {
            double r = ru();
            if (r < 0.2) {
                static const char *const W[] = {"tens of thousands of", "thousands of", "hundreds of thousands of", "hundreds of"};
                sb_s(o, PICK(W));
            } else {
                if (r < 0.7) { sb_s(o, PICK(ROUND_QUAL)); sb_c(o, ' '); }
                put_big(a, o);
            }
            return;
        }
        if (!strcmp(name, "NEIGH")) { sb_s(o, pickz(a->c->neigh)); return; }
        if (!strcmp(name, "NEUTRAL")) { sb_s(o, PICK(NEUTRAL)); return; }
        if (!strcmp(name, "ND")) { sb_s(o, curly(a) ? END_ : "-"); return; }
        break;
    case 'O':
        if (!strcmp(name, "ORD")) { sb_s(o, PICK(ORDS)); return; }
        if (!strcmp(name, "OCC")) { sb_s(o, PICK(OCCS)); return; }
        break;
    case 'P':
        if (!strcmp(name, "P") || !strncmp(name, "P:", 2) || !strcmp(name, "PW")) {
            make_person(a, &a->last, name[1] == 'W', name[1] == ':' ? name + 2 : NULL);
            a->has_last = 1;
            put_intro(a, o, &a->last);
            return;
        }
        if (!strcmp(name, "PS")) {
            if (!a->has_last) {
                make_person(a, &a->last, 0, NULL);
                a->has_last = 1;
                put_intro(a, o, &a->last);
            } else {
                put_ref(a, o, &a->last);
            }
            return;
        }
        if (!strcmp(name, "PNAME")) {
            person_t p;
            make_person(a, &p, chance(0.4), NULL);
            put_plain_name(a, o, &p);
            return;
        }
        if (!strcmp(name, "PROV")) { put_prov(a, o); return; }
        if (!strcmp(name, "PLACE")) { if (chance(0.5)) put(a, o, pick_city(a)); else put_vil(a, o); return; }
        if (!strcmp(name, "PARA")) { sb_c(o, PARA_MARK); return; }
        if (!strcmp(name, "PCT")) {
            switch (rn(6)) {
            case 0: sb_u(o, (unsigned long)(5 + rn(80))); sb_s(o, " percent"); break;
            case 1: sb_u(o, (unsigned long)(5 + rn(80))); sb_c(o, '%'); break;
            case 2: sb_u(o, (unsigned long)(5 + rn(80))); sb_s(o, a->brit ? " per cent" : " percent"); break;
            case 3: sb_s(o, "a third"); break;
            case 4: sb_s(o, "nearly half"); break;
            default: sb_s(o, "two-thirds"); break;
            }
            return;
        }
        break;
    case 'Q':
        if (!strcmp(name, "Q")) {
            size_t i = rn(NELEM(QUOTES));
            for (int t = 0; t < 4 && a->used_q[i]; t++)
                i = rn(NELEM(QUOTES));
            a->used_q[i] = 1;
            expand(a, o, QUOTES[i]);
            return;
        }
        if (!strcmp(name, "QQ")) { sb_s(o, PICK(QQUOTES)); return; }
        if (!strcmp(name, "QPHR")) { sb_s(o, PICK(QPHRASES)); return; }
        if (!strcmp(name, "QC")) {
            /* comma + closing quote + space; damaged: quote lost, often glued to the next word */
            if (a->qdmg > 0 && chance(a->qdmg)) {
                double r = ru();
                if (r < 0.6) return;                      /* martyredTahir said */
                if (r < 0.8) { sb_s(o, ", "); return; }  /* lost closing quote */
                put_rq(a, o); sb_c(o, ' ');            /* lost comma */
                return;
            }
            sb_c(o, ',');
            put_rq(a, o);
            sb_c(o, ' ');
            return;
        }
        break;
    case 'R':
        if (!strcmp(name, "RQ")) { put_rq(a, o); return; }
        if (!strcmp(name, "RS")) { sb_s(o, curly(a) ? RSQ : "'"); return; }
        if (!strcmp(name, "ROLE")) { expand(a, o, PICK(ROLES)); return; }
        break;
    case 'S':
        if (!strcmp(name, "SPOKES")) {
            sb_s(o, a->has_last && a->last.female ? "spokeswoman" : (chance(0.1) ? "spokesperson" : "spokesman"));
            return;
        }
        if (!strcmp(name, "SPKR")) { expand(a, o, PICK(SPEAKERS)); return; }
        if (!strcmp(name, "SRC")) { sb_s(o, a->src->name); return; }
        break;
    case 'T':
        if (!strcmp(name, "TGT")) { put(a, o, PICK(TARGETS)); return; }
        break;
    case 'U':
        if (!strcmp(name, "US")) { sb_s(o, a->usdots ? "U.S." : "US"); return; }
        if (!strcmp(name, "UN")) { sb_s(o, a->usdots ? "U.N." : "UN"); return; }
        if (!strcmp(name, "URL")) { put_url(a, o); return; }
        break;
    case 'V':
        if (!strcmp(name, "VIL")) { put_vil(a, o); return; }
        break;
    case 'W':
        if (!strcmp(name, "WPN")) { sb_s(o, PICK(WEAPONS)); return; }
        if (!strcmp(name, "WROLE")) { expand(a, o, PICK(WROLES)); return; }
        if (!strcmp(name, "WIRE")) { sb_s(o, PICK(WIRES)); return; }
        break;
    case 'Y':
        if (!strcmp(name, "YR")) {
            long y = a->y - rrange(1, 12);
            sb_u(o, (unsigned long)(y < 1979 ? 1979 : y));
            return;
        }
        break;
    default:
        break;
    }
    /* unknown token: make it visible so a typo in a template is caught */
    sb_s(o, "{?");
    sb_s(o, name);
    sb_c(o, '}');
}

static void expand(art_t *a, sb_t *o, const char *t)
{
    if (++a->depth > 8) {
        a->depth--;
        return;
    }
    const char *p = t;
    while (*p) {
        if (*p == '{') {
            const char *e = strchr(p, '}');
            if (!e)
                die("unterminated token in template");
            char nm[32];
            size_t len = (size_t)(e - p - 1);
            if (len > sizeof nm - 1)
                len = sizeof nm - 1;
            memcpy(nm, p + 1, len);
            nm[len] = 0;
            tok(a, o, nm);
            p = e + 1;
        } else if (*p == '\'') {
            apos(a, o);
            p++;
        } else {
            const char *q = p;
            while (*q && *q != '{' && *q != '\'')
                q++;
            sb_add(o, p, (size_t)(q - p));
            p = q;
        }
    }
    a->depth--;
}

/* ------------------------------------------------------------------ */
/* assembling an article                                               */

static void para_sep(const art_t *a, sb_t *text)
{
    sb_s(text, a->crlf ? "\r\n\r\n" : "\n\n");
    if (a->tab)
        sb_c(text, '\t');
}

static size_t find_space(const sb_t *s)
{
    if (s->n < 4)
        return (size_t)-1;
    size_t i = 1 + rn(s->n - 2);
    for (size_t k = 0; k < s->n; k++) {
        size_t j = (i + k) % s->n;
        if (s->p[j] == ' ' && j > 0)
            return j;
    }
    return (size_t)-1;
}

/* small share of damage inside one sentence */
static void damage(sb_t *s, sb_t *tmp)
{
    size_t pos = find_space(s);
    if (pos == (size_t)-1)
        return;
    sb_clear(tmp);
    sb_add(tmp, s->p, pos);
    switch (rn(5)) {
    case 0: sb_s(tmp, "  "); break;                    /* double space */
    case 1: sb_s(tmp, " . , "); break;                 /* stray punctuation */
    case 2: sb_s(tmp, chance(0.5) ? " . " : " , "); break;
    case 3: break;                                     /* lost space: words glued */
    default: sb_s(tmp, " ,"); sb_c(tmp, ' '); break;   /* space before comma */
    }
    sb_add(tmp, s->p + pos + 1, s->n - pos - 1);
    sb_clear(s);
    sb_add(s, tmp->p, tmp->n);
}

static sb_t g_sent, g_tmp;

/* Expand template t as one sentence and append it to the article text.
 * prefix (optional) goes before the sentence; the sentence's first letter
 * is lowered after a prefix when the template begins with a literal word. */
static void emit(art_t *a, sb_t *text, const char *t, int first_in_para, const char *prefix)
{
    sb_t *s = &g_sent;
    sb_clear(s);
    if (prefix)
        sb_s(s, prefix);
    size_t body = s->n;
    expand(a, s, t);
    if (prefix && t[0] >= 'A' && t[0] <= 'Z' && !(t[1] >= 'A' && t[1] <= 'Z'))
        s->p[body] = (char)(s->p[body] + 32);
    if (s->n && s->p[0] >= 'a' && s->p[0] <= 'z')
        s->p[0] = (char)(s->p[0] - 32);
    if (a->dmg > 0 && chance(a->dmg))
        damage(s, &g_tmp);

    if (!first_in_para) {
        if (a->lsep > 0 && chance(a->lsep))
            sb_s(text, LSEP);
        else if (a->dmg > 0 && chance(a->dmg * 0.2))
            ; /* "said.The" */
        else
            sb_s(text, a->twosp ? "  " : " ");
    }
    const char *p = s->p, *e = s->p + s->n;
    while (p < e) {
        const char *q = p;
        while (q < e && *q != PARA_MARK && !(*q == ' ' && a->nbsp == 2))
            q++;
        sb_add(text, p, (size_t)(q - p));
        if (q >= e)
            break;
        if (*q == PARA_MARK)
            para_sep(a, text);
        else
            sb_s(text, chance(0.01) ? NBSP : " ");
        p = q + 1;
    }
}

static size_t pick_unused(unsigned char *used, size_t n)
{
    size_t i = rn(n);
    for (int t = 0; t < 6 && used[i]; t++)
        i = rn(n);
    used[i] = 1;
    return i;
}

static void upper_utf8(sb_t *o, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 'a' && *p <= 'z') {
            sb_c(o, (char)(*p - 32));
        } else if (*p == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) {
            sb_c(o, (char)0xC3);
            sb_c(o, (char)(p[1] - 0x20));
            p++;
        } else {
            sb_c(o, (char)*p);
        }
    }
}

static void dateline(art_t *a, sb_t *o, const char *city)
{
    int r = (int)rn(100);
    long dl = a->days - (chance(0.2) ? 1 : 0);
    if (r < 82 || r >= 90)
        upper_utf8(o, city);
    if (r < 30) {
        sb_s(o, ", ");
        sb_s(o, a->c->name);
        put_dash(a, o);
    } else if (r < 45) {
        sb_s(o, ", ");
        sb_s(o, a->c->name);
        sb_s(o, " (");
        put_date(a, o, dl, 1);
        sb_c(o, ')');
        put_dash(a, o);
    } else if (r < 60) {
        sb_s(o, " (");
        sb_s(o, PICK(DATELINE_AGENCY));
        sb_c(o, ')');
        put_dash(a, o);
    } else if (r < 70) {
        int y, m, d;
        civil_from_days(dl, &y, &m, &d);
        sb_s(o, ", ");
        sb_s(o, MONTH_REUT[m - 1]);
        sb_c(o, ' ');
        sb_u(o, (unsigned long)d);
        sb_s(o, " (Reuters) - ");
    } else if (r < 82) {
        put_dash(a, o);
    } else if (r < 90) {
        put(a, o, city);
        sb_s(o, ", ");
        put_date(a, o, dl, 0);
        sb_s(o, ": ");
    } else {
        sb_s(o, ": ");
    }
}

static const country_t *pick_country(void)
{
    static int total;
    if (!total)
        for (size_t i = 0; i < NELEM(COUNTRIES); i++)
            total += COUNTRIES[i].weight;
    int r = (int)rn((size_t)total);
    for (size_t i = 0; i < NELEM(COUNTRIES); i++) {
        r -= COUNTRIES[i].weight;
        if (r < 0)
            return &COUNTRIES[i];
    }
    return &COUNTRIES[0];
}

static void new_article(art_t *a)
{
    memset(a, 0, sizeof *a);
    a->c = pick_country();
    a->src = &PICK(SOURCES);
    while (a->c->groups[a->ngroups].full)
        a->ngroups++;
    a->gmain = a->g = rn(a->ngroups);
    a->city = pickz(a->c->cities);
    a->prov = pickz(a->c->provs);
    long lo = days_from_civil(2001, 1, 1), hi = days_from_civil(2023, 12, 31);
    a->days = rrange(lo, hi);
    civil_from_days(a->days, &a->y, &a->m, &a->d);

    double r = ru();
    a->quotes = r < 0.62 ? 1 : r < 0.95 ? 0 : 2;
    r = ru();
    a->dash = r < 0.6 ? 0 : r < 0.75 ? 1 : r < 0.9 ? 2 : 3;
    a->refstyle = (int)rn(3);
    a->drop_on = chance(0.3);
    a->brit = chance(0.15);
    r = ru();
    a->nbsp = r < 0.8 ? 0 : r < 0.93 ? 1 : 2;
    a->crlf = chance(0.03);
    a->tab = chance(0.01);
    a->twosp = chance(0.04);
    a->usdots = chance(0.8);
    a->euro_num = chance(0.02);
    a->dmg = chance(0.25) ? 0.02 + 0.08 * ru() : 0.0;
    a->qdmg = chance(0.12) ? 0.25 : 0.0;
    a->lsep = chance(0.05) ? 0.08 : 0.0015;
    a->has_date = chance(0.94);
}

/* log-normal-ish target size in bytes, median ~2.6 KB, within 1-7.6 KB */
static size_t target_size(void)
{
    for (;;) {
        double z = -6.0;
        for (int i = 0; i < 12; i++)
            z += ru();
        double v = 2600.0 * xexp(0.55 * z);
        if (v >= 1000.0 && v <= 7600.0)
            return (size_t)v;
    }
}

static void gen_article(art_t *a, sb_t *title, sb_t *text)
{
    new_article(a);
    sb_clear(title);
    sb_clear(text);

    expand(a, title, PICK(HEADLINES));
    if (title->n && title->p[0] >= 'a' && title->p[0] <= 'z')
        title->p[0] = (char)(title->p[0] - 32);
    a->has_last = 0;

    size_t target = target_size();
    if (a->tab)
        sb_c(text, '\t');
    if (chance(0.85))
        dateline(a, text, chance(0.4) ? a->c->cap : a->city);
    emit(a, text, PICK(LEADS), 1, NULL);
    if (chance(0.35))
        emit(a, text, BODIES[pick_unused(a->used_body, NELEM(BODIES))], 0, NULL);

    while (text->n < target) {
        para_sep(a, text);
        if (chance(0.12)) /* another armed group takes the stage */
            a->g = rn(a->ngroups);
        else
            a->g = a->gmain;
        double r = ru();
        if (r < 0.30) {
            emit(a, text, QUOTE_FORMS[pick_unused(a->used_qf, NELEM(QUOTE_FORMS))], 1, NULL);
            if (chance(0.3))
                emit(a, text, BODIES[pick_unused(a->used_body, NELEM(BODIES))], 0, NULL);
        } else if (r < 0.93) {
            size_t k = 1 + rn(3);
            for (size_t i = 0; i < k; i++)
                emit(a, text, BODIES[pick_unused(a->used_body, NELEM(BODIES))], i == 0, NULL);
        } else {
            emit(a, text, PICK(LEADS), 1, PICK(SEPARATE));
        }
    }
    if (chance(0.15)) {
        para_sep(a, text);
        emit(a, text, PICK(CLOSERS), 1, NULL);
        if (chance(0.3)) {
            para_sep(a, text);
            emit(a, text, PICK(CLOSERS), 1, NULL);
        }
    }
}

/* ------------------------------------------------------------------ */
/* output                                                              */

static void json_str(sb_t *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sb_c(o, '"');
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        const unsigned char *q = p;
        while (q < e && *q >= 0x20 && *q != '"' && *q != '\\' && *q != 0xE2)
            q++;
        sb_add(o, (const char *)p, (size_t)(q - p));
        if (q >= e)
            break;
        unsigned char ch = *q;
        if (ch == 0xE2) {
            if (q + 2 < e && q[1] == 0x80 && (q[2] == 0xA8 || q[2] == 0xA9)) {
                sb_s(o, q[2] == 0xA8 ? "\\u2028" : "\\u2029");
                p = q + 3;
            } else {
                sb_c(o, (char)ch);
                p = q + 1;
            }
            continue;
        }
        switch (ch) {
        case '"': sb_s(o, "\\\""); break;
        case '\\': sb_s(o, "\\\\"); break;
        case '\n': sb_s(o, "\\n"); break;
        case '\r': sb_s(o, "\\r"); break;
        case '\t': sb_s(o, "\\t"); break;
        case '\b': sb_s(o, "\\b"); break;
        case '\f': sb_s(o, "\\f"); break;
        default:
            sb_s(o, "\\u00");
            sb_c(o, hex[ch >> 4]);
            sb_c(o, hex[ch & 15]);
            break;
        }
        p = q + 1;
    }
    sb_c(o, '"');
}

static void flush_to(sb_t *b, FILE *f, int force)
{
    if (b->n && (force || b->n >= (1u << 20))) {
        if (fwrite(b->p, 1, b->n, f) != b->n)
            die("write error");
        sb_clear(b);
    }
}

static void usage(FILE *f)
{
    fputs("usage: gencorpus [--mb N] [--format jsonl|text] [--seed S] [--docs N] [--text-out FILE]\n"
          "  --mb N         stop after the first document that brings the output to N*10^6 bytes (default 10)\n"
          "  --format F     jsonl: one {\"id\",\"date\",\"title\",\"source\",\"url\",\"text\"} object per line (default)\n"
          "                 text:  the texts only, documents separated by a blank line\n"
          "  --seed S       PRNG seed (default 1); same seed, same corpus\n"
          "  --docs N       stop after N documents (0 = no limit)\n"
          "  --text-out F   with --format jsonl, also write the texts (text format) of the same documents to F\n",
          f);
}

int main(int argc, char **argv)
{
    double mb = 10.0;
    int text_mode = 0;
    unsigned long long seed = 1, maxdocs = 0;
    const char *text_out = NULL;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        char *end = NULL;
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            usage(stdout);
            return 0;
        }
        if (!val) {
            usage(stderr);
            return 2;
        }
        i++;
        if (!strcmp(arg, "--mb")) {
            mb = strtod(val, &end);
            if (*end || mb <= 0) die("--mb wants a positive number");
        } else if (!strcmp(arg, "--format")) {
            if (!strcmp(val, "jsonl")) text_mode = 0;
            else if (!strcmp(val, "text")) text_mode = 1;
            else die("--format wants jsonl or text");
        } else if (!strcmp(arg, "--seed")) {
            seed = strtoull(val, &end, 10);
            if (*end) die("--seed wants an unsigned integer");
        } else if (!strcmp(arg, "--docs")) {
            maxdocs = strtoull(val, &end, 10);
            if (*end) die("--docs wants an unsigned integer");
        } else if (!strcmp(arg, "--text-out")) {
            text_out = val;
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (text_out && text_mode)
        die("--text-out only makes sense with --format jsonl");

    rng_state = (uint64_t)seed * 0x2545F4914F6CDD1DULL + 0x1234567ULL;
    unsigned long long limit = (unsigned long long)(mb * 1e6);
    FILE *tf = NULL;
    if (text_out && !(tf = fopen(text_out, "wb")))
        die("cannot open --text-out file");

    sb_t out = {0}, tout = {0}, title = {0}, text = {0}, line = {0};
    art_t *a = calloc(1, sizeof *a);
    if (!a)
        die("out of memory");
    unsigned long long bytes = 0, ndocs = 0;

    while (bytes < limit && (!maxdocs || ndocs < maxdocs)) {
        gen_article(a, &title, &text);
        ndocs++;
        if (!text_mode) {
            char id[48];
            snprintf(id, sizeof id, "gc%llu-%07llu", seed, ndocs);
            sb_clear(&line);
            sb_s(&line, "{\"id\":\"");
            sb_s(&line, id);
            sb_c(&line, '"');
            if (a->has_date) {
                char date[16];
                snprintf(date, sizeof date, "%04d-%02d-%02d", a->y, a->m, a->d);
                sb_s(&line, ",\"date\":\"");
                sb_s(&line, date);
                sb_c(&line, '"');
            }
            sb_s(&line, ",\"title\":");
            json_str(&line, title.p, title.n);
            sb_s(&line, ",\"source\":");
            json_str(&line, a->src->name, strlen(a->src->name));
            sb_s(&line, ",\"url\":\"https://www.");
            sb_s(&line, a->src->domain);
            {
                char path[64];
                snprintf(path, sizeof path, "/%04d/%02d/%02d/world/%s/", a->y, a->m, a->d, a->c->region);
                sb_s(&line, path);
            }
            slugify(&line, title.p, 70);
            sb_c(&line, '-');
            sb_u(&line, (unsigned long)ndocs);
            sb_s(&line, ".html\",\"text\":");
            json_str(&line, text.p, text.n);
            sb_s(&line, "}\n");
            sb_add(&out, line.p, line.n);
            bytes += line.n;
            if (tf) {
                if (ndocs > 1)
                    sb_s(&tout, "\n\n");
                sb_add(&tout, text.p, text.n);
                flush_to(&tout, tf, 0);
            }
        } else {
            if (ndocs > 1) {
                sb_s(&out, "\n\n");
                bytes += 2;
            }
            sb_add(&out, text.p, text.n);
            bytes += text.n;
        }
        flush_to(&out, stdout, 0);
    }
    if (text_mode)
        sb_c(&out, '\n');
    flush_to(&out, stdout, 1);
    if (tf) {
        sb_c(&tout, '\n');
        flush_to(&tout, tf, 1);
        if (fclose(tf) != 0)
            die("write error on --text-out file");
    }
    if (fflush(stdout) != 0)
        die("write error");
    fprintf(stderr, "gencorpus: %llu documents, %llu bytes\n", ndocs, bytes + (text_mode ? 1 : 0));
    free(a);
    free(out.p);
    free(tout.p);
    free(title.p);
    free(text.p);
    free(line.p);
    free(g_sent.p);
    free(g_tmp.p);
    return 0;
}

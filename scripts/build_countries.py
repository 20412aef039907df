#!/usr/bin/env python3
"""Build data/actors/countries.tsv (the country dictionary) for geokg.

Usage (from the repository root):
  python3 scripts/build_countries.py [UPSTREAM_DIR]

UPSTREAM_DIR defaults to ../shared/data/upstream (relative to the repository root). Reads
  UPSTREAM_DIR/CountryInfo/CountryInfo.120116.txt   (CC BY-SA 3.0, Philip A. Schrodt)
  UPSTREAM_DIR/cameo/cameo_country.std.csv           (GDELT CAMEO country lookup)
  UPSTREAM_DIR/petrarch2/Phoenix.Countries.actors.txt (country blocks: cities and provinces)
  UPSTREAM_DIR/lemminflect/lemma_lu.csv.gz           (MIT; only to recognise common English words)
and writes data/actors/countries.tsv:

  iso3 <TAB> name <TAB> aliases <TAB> adjectives <TAB> capitals <TAB> seats <TAB> places

with `|` between the values of a field. Python 3 standard library only.

How the file is put together
  * Names, aliases, demonyms, capitals, seats of government and conflict places that news of
    2015-2026 uses are our own hand lists (HAND, SEATS, PLACES below): upstream names are
    upper case, partly outdated (Swaziland, Rangoon as capital) and full of misspellings.
  * CountryInfo <Nationality>, the CAMEO country names and the Phoenix synonyms that look like
    names of the country are almost all misspellings, transliterated foreign exonyms or
    nicknames: only the few in ALIAS_KEEP (historic and official names such as Dahomey,
    Transjordan, DPR Korea) are added. <Capital>, <MajorCities>, <Regions>, <GeogFeatures> and the
    other synonyms of the Phoenix country blocks (which add e.g. the Afghan provinces and Syrian
    towns) become `places`; our capitals (HAND) replace the upstream <Capital> field, whose
    outdated entries (Rangoon, Leopoldville) stay as places.
  * Upstream text is re-cased (KABUL_ -> Kabul, N'DJAMENA_ -> N'Djamena).
  * Ambiguity filter. An upstream entry is dropped when it
      - is a misspelling of one of the country's own names (edit distance),
      - is a common English word, or consists only of common words (lemminflect lists it in
        lower case: Nice, Reading, Split, Golden State),
      - is in the explicit STOP list (first names and surnames, places shared by several
        countries, junk),
      - is a US state nickname (Golden State, Peach State),
      - has characters a name in running text does not have (parentheses, commas, digits),
      - is used by another country: a hand entry always wins; between two upstream entries
        OWNER decides, otherwise the entry is dropped from both.
    Inside one country an entry is kept once, in the first field of
    name > aliases > adjectives > capitals > seats > places (hand entries before upstream ones).
  * Every drop is printed to stdout (`DROP reason iso3 field entry`), followed by a summary.

Collisions are checked on a normalised key (case, diacritics and periods folded, hyphens and
apostrophes as spaces, a leading "the" removed), the way the geokg matcher compares names.
"""

import csv
import gzip
import os
import re
import sys
import unicodedata
from collections import OrderedDict, defaultdict

REPO_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DEFAULT_UPSTREAM = os.path.join("..", "shared", "data", "upstream")   # relative to REPO_ROOT
OUT_PATH = os.path.join("data", "actors", "countries.tsv")

FIELDS = ["name", "aliases", "adjectives", "capitals", "seats", "places"]

# --------------------------------------------------------------------------------------------
# Hand data. One line per country or territory:
#   ISO3 | name | aliases | adjectives (singular; plurals are added) | capitals
# Lists are separated by ';'. An adjective ending in '!' gets no automatic plural.
# --------------------------------------------------------------------------------------------
HAND = r"""
ABW | Aruba | | Aruban | Oranjestad
AFG | Afghanistan | Islamic Republic of Afghanistan; Islamic Emirate of Afghanistan | Afghan | Kabul
AGO | Angola | Republic of Angola | Angolan | Luanda
AIA | Anguilla | | Anguillan | The Valley!
ALA | Åland Islands | Åland; Åland Archipelago; Aaland Islands; Ahvenanmaa | Ålander | Mariehamn
ALB | Albania | Republic of Albania | Albanian | Tirana; Tirane
AND | Andorra | Principality of Andorra | Andorran | Andorra la Vella
ARE | United Arab Emirates | UAE; U.A.E.; Emirates | Emirati | Abu Dhabi
ARG | Argentina | Argentine Republic | Argentine; Argentinian; Argentinean | Buenos Aires
ARM | Armenia | Republic of Armenia | Armenian | Yerevan
ASM | American Samoa | | American Samoan | Pago Pago
ATG | Antigua and Barbuda | Antigua | Antiguan; Barbudan |
AUS | Australia | Commonwealth of Australia | Australian; Aussie | Canberra
AUT | Austria | Republic of Austria | Austrian | Vienna
AZE | Azerbaijan | Republic of Azerbaijan | Azerbaijani; Azeri | Baku
BDI | Burundi | Republic of Burundi | Burundian | Gitega; Bujumbura
BEL | Belgium | Kingdom of Belgium | Belgian |
BEN | Benin | Republic of Benin | Beninese!; Beninois! | Porto-Novo; Cotonou
BES | Caribbean Netherlands | Bonaire, Sint Eustatius and Saba; BES Islands | | Kralendijk
BFA | Burkina Faso | Burkina | Burkinabe!; Burkinabè! | Ouagadougou
BGD | Bangladesh | People's Republic of Bangladesh | Bangladeshi | Dhaka; Dacca
BGR | Bulgaria | Republic of Bulgaria | Bulgarian | Sofia
BHR | Bahrain | Kingdom of Bahrain | Bahraini | Manama
BHS | Bahamas | Commonwealth of The Bahamas | Bahamian | Nassau
BIH | Bosnia and Herzegovina | Bosnia; Bosnia-Herzegovina; BiH | Bosnian; Bosniak; Bosnian Serb; Bosnian Croat; Bosnian Muslim; Bosnian Muslims! | Sarajevo
BLM | Saint Barthélemy | St. Barthélemy; Saint-Barthélemy; St. Barts; St. Barths | Barthélemois! | Gustavia
BLR | Belarus | Republic of Belarus; Byelorussia; Belorussia | Belarusian; Belorussian; Byelorussian | Minsk
BLZ | Belize | | Belizean | Belmopan
BMU | Bermuda | | Bermudian |
BOL | Bolivia | Plurinational State of Bolivia | Bolivian | La Paz; Sucre
BRA | Brazil | Federative Republic of Brazil | Brazilian | Brasília
BRB | Barbados | | Barbadian; Bajan | Bridgetown
BRN | Brunei | Brunei Darussalam | Bruneian | Bandar Seri Begawan
BTN | Bhutan | Kingdom of Bhutan | Bhutanese! | Thimphu
BWA | Botswana | Republic of Botswana | Botswanan; Motswana!; Batswana! | Gaborone
CAF | Central African Republic | Centrafrique | | Bangui
CAN | Canada | | Canadian | Ottawa
CCK | Cocos Islands | Cocos Keeling Islands; Keeling Islands | |
CHE | Switzerland | Swiss Confederation | Swiss! | Bern; Berne
CHL | Chile | Republic of Chile | Chilean | Santiago; Santiago de Chile
CHN | China | PRC; People's Republic of China; Mainland China | Chinese! | Beijing; Peking
CIV | Côte d'Ivoire | Ivory Coast; Republic of Côte d'Ivoire | Ivorian | Abidjan; Yamoussoukro
CMR | Cameroon | Republic of Cameroon | Cameroonian | Yaoundé
COD | Democratic Republic of the Congo | Democratic Republic of Congo; DR Congo; D.R. Congo; DRC; Congo-Kinshasa; Congo; Zaire | Congolese! | Kinshasa
COG | Republic of the Congo | Republic of Congo; Congo-Brazzaville; Congo Republic | | Brazzaville
COK | Cook Islands | | Cook Islander | Avarua
COL | Colombia | Republic of Colombia | Colombian | Bogotá
COM | Comoros | Union of the Comoros | Comorian; Comoran | Moroni
CPV | Cabo Verde | Cape Verde; Republic of Cabo Verde | Cape Verdean; Cabo Verdean | Praia
CRI | Costa Rica | Republic of Costa Rica | Costa Rican |
CUB | Cuba | Republic of Cuba | Cuban | Havana
CUW | Curaçao | | Curaçaoan | Willemstad
CXR | Christmas Island | | | Flying Fish Cove
CYM | Cayman Islands | Caymans | Caymanian |
CYP | Cyprus | Republic of Cyprus | Cypriot; Greek Cypriot; Turkish Cypriot | Nicosia
CZE | Czech Republic | Czechia | Czech; Czechs! | Prague
DEU | Germany | Federal Republic of Germany; Deutschland | German | Berlin
DJI | Djibouti | Republic of Djibouti | Djiboutian | Djibouti City
DMA | Dominica | Commonwealth of Dominica | | Roseau
DNK | Denmark | Kingdom of Denmark | Danish!; Dane | Copenhagen
DOM | Dominican Republic | | Dominican | Santo Domingo
DZA | Algeria | People's Democratic Republic of Algeria | Algerian | Algiers
ECU | Ecuador | Republic of Ecuador | Ecuadorian; Ecuadorean | Quito
EGY | Egypt | Arab Republic of Egypt | Egyptian | Cairo
ERI | Eritrea | State of Eritrea | Eritrean | Asmara
ESH | Western Sahara | Sahrawi Arab Democratic Republic | Sahrawi; Saharawi | Laayoune; El Aaiún
ESP | Spain | Kingdom of Spain; España | Spanish!; Spaniard | Madrid
EST | Estonia | Republic of Estonia | Estonian | Tallinn
ETH | Ethiopia | Federal Democratic Republic of Ethiopia; Abyssinia | Ethiopian | Addis Ababa
FIN | Finland | Republic of Finland | Finnish!; Finns! | Helsinki
FJI | Fiji | Republic of Fiji | Fijian | Suva
FLK | Falkland Islands | Falklands; Malvinas; Islas Malvinas | Falkland Islander |
FRA | France | French Republic | French!; Frenchman!; Frenchmen!; Frenchwoman! | Paris
FRO | Faroe Islands | Faroes; Faeroe Islands; Faeroes | Faroese! | Tórshavn
FSM | Micronesia | Federated States of Micronesia | Micronesian | Palikir
GAB | Gabon | Gabonese Republic | Gabonese! | Libreville
GBR | United Kingdom | UK; U.K.; Britain; Great Britain; United Kingdom of Great Britain and Northern Ireland | British!; Briton; Brit; Scottish!; Scot; Scotsman!; Scotsmen!; Welsh!; Welshman!; Welshmen!; Englishman!; Englishmen!; Northern Irish! | London
GEO | Georgia | Republic of Georgia; Sakartvelo | Georgian | Tbilisi
GGY | Guernsey | Bailiwick of Guernsey | | St Peter Port; Saint Peter Port
GHA | Ghana | Republic of Ghana | Ghanaian | Accra
GIB | Gibraltar | | Gibraltarian |
GIN | Guinea | Republic of Guinea; Guinea-Conakry | Guinean | Conakry
GLP | Guadeloupe | | Guadeloupean | Basse-Terre
GMB | Gambia | Republic of The Gambia | Gambian | Banjul
GNB | Guinea-Bissau | Republic of Guinea-Bissau | Bissau-Guinean | Bissau
GNQ | Equatorial Guinea | Republic of Equatorial Guinea | Equatorial Guinean; Equatoguinean | Malabo
GRC | Greece | Hellenic Republic; Hellas | Greek; Hellenic! | Athens
GRD | Grenada | | Grenadian |
GRL | Greenland | Kalaallit Nunaat | Greenlandic!; Greenlander | Nuuk
GTM | Guatemala | Republic of Guatemala | Guatemalan | Guatemala City
GUF | French Guiana | Guyane | French Guianese! | Cayenne
GUM | Guam | | Guamanian | Hagåtña
GUY | Guyana | Co-operative Republic of Guyana | Guyanese! | Georgetown
HKG | Hong Kong | HKSAR; Hong Kong SAR | Hong Konger |
HND | Honduras | Republic of Honduras | Honduran | Tegucigalpa
HRV | Croatia | Republic of Croatia; Hrvatska | Croatian; Croat | Zagreb
HTI | Haiti | Republic of Haiti | Haitian | Port-au-Prince
HUN | Hungary | | Hungarian | Budapest
IDN | Indonesia | Republic of Indonesia | Indonesian | Jakarta
IMN | Isle of Man | | Manx! |
IND | India | Republic of India; Bharat | Indian | New Delhi
IOT | British Indian Ocean Territory | Chagos Islands; Chagos Archipelago | Chagossian |
IRL | Ireland | Republic of Ireland; Éire | Irish!; Irishman!; Irishmen!; Irishwoman! | Dublin
IRN | Iran | Islamic Republic of Iran; Persia | Iranian | Tehran; Teheran
IRQ | Iraq | Republic of Iraq | Iraqi; Iraqi Kurd | Baghdad
ISL | Iceland | | Icelandic!; Icelander | Reykjavík
ISR | Israel | State of Israel | Israeli | Jerusalem
ITA | Italy | Italian Republic | Italian | Rome
JAM | Jamaica | | Jamaican | Kingston
JEY | Jersey | Bailiwick of Jersey | | St Helier; Saint Helier
JOR | Jordan | Hashemite Kingdom of Jordan | Jordanian | Amman
JPN | Japan | Nippon; Nihon | Japanese! | Tokyo
KAZ | Kazakhstan | Republic of Kazakhstan | Kazakh; Kazakhstani | Astana; Nur-Sultan
KEN | Kenya | Republic of Kenya | Kenyan | Nairobi
KGZ | Kyrgyzstan | Kyrgyz Republic; Kirghizia; Kirgizia | Kyrgyz!; Kyrgyzstani; Kirghiz! | Bishkek
KHM | Cambodia | Kingdom of Cambodia; Kampuchea | Cambodian | Phnom Penh
KIR | Kiribati | Republic of Kiribati | I-Kiribati! | Tarawa; South Tarawa
KNA | Saint Kitts and Nevis | St. Kitts and Nevis; Saint Kitts; St. Kitts | Kittitian; Nevisian | Basseterre
KOR | South Korea | Republic of Korea; ROK; Korea; S. Korea; S.Korea | South Korean; S. Korean; S.Korean | Seoul
KWT | Kuwait | State of Kuwait | Kuwaiti | Kuwait City
LAO | Laos | Lao PDR; Lao People's Democratic Republic | Laotian; Lao! | Vientiane
LBN | Lebanon | Lebanese Republic | Lebanese! | Beirut
LBR | Liberia | Republic of Liberia | Liberian | Monrovia
LBY | Libya | State of Libya | Libyan | Tripoli
LCA | Saint Lucia | St. Lucia | Saint Lucian; St. Lucian | Castries
LIE | Liechtenstein | Principality of Liechtenstein | Liechtensteiner | Vaduz
LKA | Sri Lanka | Democratic Socialist Republic of Sri Lanka; Ceylon | Sri Lankan | Colombo; Sri Jayawardenepura Kotte
LSO | Lesotho | Kingdom of Lesotho | Basotho!; Mosotho! | Maseru
LTU | Lithuania | Republic of Lithuania | Lithuanian | Vilnius
LUX | Luxembourg | Grand Duchy of Luxembourg | Luxembourgish!; Luxembourger |
LVA | Latvia | Republic of Latvia | Latvian | Riga
MAC | Macau | Macao; Macau SAR; Macao SAR | Macanese! |
MAF | Saint Martin | Collectivity of Saint Martin; St. Martin; Saint-Martin | | Marigot
MAR | Morocco | Kingdom of Morocco | Moroccan | Rabat
MCO | Monaco | Principality of Monaco | Monegasque | Monaco-Ville
MDA | Moldova | Republic of Moldova; Moldavia | Moldovan | Chișinău; Kishinev
MDG | Madagascar | Republic of Madagascar | Malagasy! | Antananarivo
MDV | Maldives | Republic of Maldives | Maldivian |
MEX | Mexico | United Mexican States | Mexican | Mexico City
MHL | Marshall Islands | Republic of the Marshall Islands | Marshallese! | Majuro
MKD | North Macedonia | Macedonia; Republic of North Macedonia; FYROM; Former Yugoslav Republic of Macedonia | Macedonian; North Macedonian | Skopje
MLI | Mali | Republic of Mali | Malian | Bamako
MLT | Malta | Republic of Malta | Maltese! | Valletta
MMR | Myanmar | Burma; Republic of the Union of Myanmar | Burmese! | Naypyidaw; Naypyitaw; Nay Pyi Taw
MNE | Montenegro | | Montenegrin | Podgorica
MNG | Mongolia | | Mongolian | Ulaanbaatar; Ulan Bator
MNP | Northern Mariana Islands | Northern Marianas; CNMI | | Saipan
MOZ | Mozambique | Republic of Mozambique | Mozambican | Maputo
MRT | Mauritania | Islamic Republic of Mauritania | Mauritanian | Nouakchott
MSR | Montserrat | | Montserratian | Brades
MTQ | Martinique | | Martinican; Martiniquais! | Fort-de-France
MUS | Mauritius | Republic of Mauritius | Mauritian | Port Louis
MWI | Malawi | Republic of Malawi | Malawian | Lilongwe
MYS | Malaysia | | Malaysian | Kuala Lumpur; Putrajaya
MYT | Mayotte | | Mahoran; Mahorais! | Mamoudzou
NAM | Namibia | Republic of Namibia | Namibian | Windhoek
NCL | New Caledonia | Kanaky | New Caledonian | Nouméa
NER | Niger | Republic of Niger | Nigerien | Niamey
NFK | Norfolk Island | | Norfolk Islander |
NGA | Nigeria | Federal Republic of Nigeria | Nigerian | Abuja
NIC | Nicaragua | Republic of Nicaragua | Nicaraguan | Managua
NIU | Niue | | Niuean | Alofi
NLD | Netherlands | Holland; Kingdom of the Netherlands | Dutch!; Dutchman!; Dutchmen!; Dutchwoman! | Amsterdam
NOR | Norway | Kingdom of Norway | Norwegian | Oslo
NPL | Nepal | Federal Democratic Republic of Nepal | Nepali; Nepalese! | Kathmandu
NRU | Nauru | Republic of Nauru | Nauruan | Yaren
NZL | New Zealand | Aotearoa | New Zealander | Wellington
OMN | Oman | Sultanate of Oman | Omani | Muscat
PAK | Pakistan | Islamic Republic of Pakistan | Pakistani | Islamabad
PAN | Panama | Republic of Panama | Panamanian | Panama City
PCN | Pitcairn Islands | Pitcairn | Pitcairn Islander | Adamstown
PER | Peru | Republic of Peru | Peruvian | Lima
PHL | Philippines | Republic of the Philippines | Filipino!; Filipinos!; Filipina!; Filipinas!; Philippine! | Manila
PLW | Palau | Republic of Palau | Palauan | Ngerulmud; Melekeok
PNG | Papua New Guinea | PNG | Papua New Guinean | Port Moresby
POL | Poland | Republic of Poland | Polish!; Poles! | Warsaw
PRI | Puerto Rico | | Puerto Rican |
PRK | North Korea | DPRK; D.P.R.K.; Democratic People's Republic of Korea; N. Korea; N.Korea | North Korean; N. Korean; N.Korean | Pyongyang
PRT | Portugal | Portuguese Republic | Portuguese! | Lisbon
PRY | Paraguay | Republic of Paraguay | Paraguayan | Asunción
PSE | Palestine | State of Palestine; Palestinian territories; Occupied Palestinian Territory; Occupied Palestinian Territories | Palestinian | Ramallah
PYF | French Polynesia | | French Polynesian | Papeete
QAT | Qatar | State of Qatar | Qatari | Doha
REU | Réunion | La Réunion | |
ROU | Romania | | Romanian | Bucharest
RUS | Russia | Russian Federation | Russian | Moscow
RWA | Rwanda | Republic of Rwanda | Rwandan | Kigali
SAU | Saudi Arabia | Kingdom of Saudi Arabia; KSA | Saudi; Saudi Arabian | Riyadh
SDN | Sudan | Republic of the Sudan | Sudanese! | Khartoum
SEN | Senegal | Republic of Senegal | Senegalese! | Dakar
SGP | Singapore | Republic of Singapore | Singaporean |
SHN | Saint Helena | St. Helena | Saint Helenian; St. Helenian |
SJM | Svalbard and Jan Mayen | Svalbard | | Longyearbyen
SLB | Solomon Islands | Solomons | Solomon Islander | Honiara
SLE | Sierra Leone | Republic of Sierra Leone | Sierra Leonean | Freetown
SLV | El Salvador | Republic of El Salvador | Salvadoran; Salvadorian; Salvadorean | San Salvador
SMR | San Marino | Republic of San Marino | Sammarinese! |
SOM | Somalia | Federal Republic of Somalia | Somali; Somalian | Mogadishu
SPM | Saint Pierre and Miquelon | St. Pierre and Miquelon | |
SRB | Serbia | Republic of Serbia | Serbian; Serb | Belgrade
SSD | South Sudan | Republic of South Sudan | South Sudanese! | Juba
STP | São Tomé and Príncipe | Democratic Republic of São Tomé and Príncipe | Santomean; São Toméan | São Tomé
SUR | Suriname | Republic of Suriname; Surinam | Surinamese! | Paramaribo
SVK | Slovakia | Slovak Republic | Slovak; Slovakian | Bratislava
SVN | Slovenia | Republic of Slovenia | Slovenian; Slovene | Ljubljana
SWE | Sweden | Kingdom of Sweden | Swedish!; Swede | Stockholm
SWZ | Eswatini | Swaziland; Kingdom of Eswatini | Swazi; Emaswati! | Mbabane; Lobamba
SXM | Sint Maarten | | | Philipsburg
SYC | Seychelles | Republic of Seychelles | Seychellois! |
SYR | Syria | Syrian Arab Republic | Syrian | Damascus
TCA | Turks and Caicos Islands | Turks and Caicos | Turks and Caicos Islander | Cockburn Town
TCD | Chad | Republic of Chad | Chadian | N'Djamena; Ndjamena
TGO | Togo | Togolese Republic | Togolese! | Lomé
THA | Thailand | Kingdom of Thailand; Siam | Thai | Bangkok
TJK | Tajikistan | Republic of Tajikistan | Tajik; Tajikistani | Dushanbe
TKL | Tokelau | | Tokelauan |
TKM | Turkmenistan | | Turkmen | Ashgabat
TLS | Timor-Leste | East Timor; Democratic Republic of Timor-Leste | Timorese!; East Timorese! | Dili
TON | Tonga | Kingdom of Tonga | Tongan | Nuku'alofa
TTO | Trinidad and Tobago | Trinidad | Trinidadian; Tobagonian | Port of Spain
TUN | Tunisia | Tunisian Republic | Tunisian | Tunis
TUR | Turkey | Türkiye; Republic of Turkey; Republic of Türkiye | Turkish!; Turk | Ankara
TUV | Tuvalu | | Tuvaluan | Funafuti
TWN | Taiwan | Republic of China; ROC; Chinese Taipei | Taiwanese! | Taipei
TZA | Tanzania | United Republic of Tanzania | Tanzanian | Dodoma; Dar es Salaam
UGA | Uganda | Republic of Uganda | Ugandan | Kampala
UKR | Ukraine | | Ukrainian | Kyiv; Kiev
URY | Uruguay | Oriental Republic of Uruguay | Uruguayan | Montevideo
USA | United States | US; U.S.; USA; U.S.A.; America; United States of America | American | Washington; Washington, D.C.
UZB | Uzbekistan | Republic of Uzbekistan | Uzbek; Uzbekistani | Tashkent
VAT | Vatican City | Vatican; Holy See; Vatican City State | |
VCT | Saint Vincent and the Grenadines | St. Vincent and the Grenadines; Saint Vincent; St. Vincent | Vincentian | Kingstown
VEN | Venezuela | Bolivarian Republic of Venezuela | Venezuelan | Caracas
VGB | British Virgin Islands | BVI | British Virgin Islander | Road Town
VIR | United States Virgin Islands | U.S. Virgin Islands; USVI | | Charlotte Amalie
VNM | Vietnam | Viet Nam; Socialist Republic of Vietnam | Vietnamese! | Hanoi
VUT | Vanuatu | Republic of Vanuatu | Ni-Vanuatu! | Port Vila
WLF | Wallis and Futuna | | Wallisian; Futunan | Mata-Utu
WSM | Samoa | Independent State of Samoa | Samoan | Apia
XKX | Kosovo | Republic of Kosovo | Kosovar; Kosovan | Pristina; Prishtina
YEM | Yemen | Republic of Yemen | Yemeni | Sanaa; Sana'a
ZAF | South Africa | Republic of South Africa | South African | Pretoria; Cape Town
ZMB | Zambia | Republic of Zambia | Zambian | Lusaka
ZWE | Zimbabwe | Republic of Zimbabwe | Zimbabwean | Harare
"""

# Seats of government used as metonyms; an optional ":ROLE" gives a non-government role.
SEATS = {
    "USA": ["White House", "Oval Office", "State Department:GOV", "Foggy Bottom:GOV",
            "Pentagon:MIL", "Capitol Hill:LEG", "Capitol:LEG", "Congress:LEG"],
    "RUS": ["Kremlin", "State Duma:LEG", "Duma:LEG", "Lubyanka:SPY"],
    "GBR": ["Downing Street", "Number 10", "Whitehall", "Foreign Office", "Westminster:LEG",
            "Scotland Yard:COP", "Buckingham Palace:ELI"],
    "FRA": ["Élysée", "Élysée Palace", "Quai d'Orsay", "Matignon"],
    "CHN": ["Zhongnanhai"],
    "ISR": ["Knesset:LEG"],
    "KOR": ["Blue House"],
    "DEU": ["Bundestag:LEG", "Chancellery"],
    "AFG": ["Arg", "Arg Palace"],
    "JPN": ["Kantei"],
    "IND": ["South Block", "Raisina Hill", "Rashtrapati Bhavan", "Lok Sabha:LEG",
            "Rajya Sabha:LEG"],
    "UKR": ["Bankova", "Verkhovna Rada:LEG"],
    "PHL": ["Malacañang", "Malacañang Palace"],
    "ARG": ["Casa Rosada"],
    "BRA": ["Planalto", "Planalto Palace", "Itamaraty"],
    "ITA": ["Palazzo Chigi", "Quirinale", "Farnesina"],
    "ESP": ["Moncloa"],
    "POL": ["Sejm:LEG"],
    "TWN": ["Executive Yuan", "Legislative Yuan:LEG"],
    "CAN": ["Parliament Hill:LEG"],
    "SWE": ["Riksdag:LEG"],
    "NOR": ["Storting:LEG"],
    "DNK": ["Folketing:LEG"],
    "ISL": ["Althing:LEG"],
    "IRL": ["Dáil:LEG", "Oireachtas:LEG", "Leinster House:LEG"],
    "NLD": ["Binnenhof:LEG"],
    "PSE": ["Muqataa", "Muqata"],
}

# Places we add by hand: regions, cities, bases and conflict places of 2015-2026 news.
PLACES = {
    "USA": ["New York City", "Manhattan", "Brooklyn", "Wall Street", "Silicon Valley",
            "Pearl Harbor", "Fort Bragg", "Fort Liberty", "Camp David", "Mar-a-Lago",
            "Honolulu", "Anchorage", "Wisconsin", "Washington State", "New Jersey",
            "Salt Lake City", "Grand Rapids", "New York State"],
    "GBR": ["England", "Scotland", "Wales", "Northern Ireland", "Belfast", "Edinburgh",
            "Cardiff", "Glasgow", "Manchester", "Liverpool", "Birmingham", "Londonderry",
            "Heathrow", "Gatwick", "Faslane"],
    "UKR": ["Donbas", "Donbass", "Donetsk", "Luhansk", "Lugansk", "Crimea",
            "Crimean Peninsula", "Kherson", "Zaporizhzhia", "Zaporizhia", "Zaporozhye",
            "Bakhmut", "Kharkiv", "Kharkov", "Mariupol", "Avdiivka", "Odesa", "Odessa",
            "Mykolaiv", "Dnipro", "Dnipropetrovsk", "Lviv", "Sumy", "Chernihiv",
            "Kramatorsk", "Sloviansk", "Pokrovsk", "Izium", "Bucha", "Irpin", "Sevastopol",
            "Simferopol", "Chernobyl", "Chornobyl", "Lysychansk", "Sievierodonetsk",
            "Severodonetsk", "Kupiansk", "Vuhledar", "Toretsk", "Chasiv Yar", "Zhytomyr",
            "Vinnytsia", "Poltava", "Kryvyi Rih", "Enerhodar", "Nova Kakhovka", "Kakhovka",
            "Melitopol", "Berdiansk", "Tokmak", "Robotyne", "Kerch", "Snake Island",
            "Kremenchuk", "Ternopil", "Rivne", "Lutsk", "Uzhhorod", "Ivano-Frankivsk",
            "Khmelnytskyi", "Cherkasy", "Kropyvnytskyi"],
    "RUS": ["Kursk", "Belgorod", "Bryansk", "Rostov-on-Don", "Krasnodar", "Sochi",
            "Chechnya", "Dagestan", "Kaliningrad", "Siberia", "Novorossiysk",
            "Saint Petersburg", "St. Petersburg", "Tatarstan", "Yekaterinburg",
            "Vladivostok", "Murmansk", "Sakhalin", "Kamchatka", "Kazan", "Voronezh",
            "Pskov", "Novosibirsk", "Kuril Islands", "Kurils", "North Ossetia", "Ingushetia",
            "Astrakhan", "Kemerovo",
            "Severomorsk", "Plesetsk"],
    "PSE": ["Gaza", "Gaza Strip", "Gaza City", "West Bank", "Rafah", "Khan Younis",
            "Khan Yunis", "Jenin", "Nablus", "Hebron", "Bethlehem", "Tulkarm", "Jabalia",
            "Jabaliya", "Deir al-Balah", "Beit Hanoun", "Beit Lahia", "Nuseirat", "Shujaiya",
            "Qalqilya", "Jericho", "East Jerusalem", "Al-Mawasi", "Mawasi", "Tubas",
            "Salfit", "Nur Shams", "Bureij", "Maghazi"],
    "ISR": ["Tel Aviv", "Haifa", "Negev", "Galilee", "Eilat", "Ashkelon", "Ashdod", "Sderot",
            "Beersheba", "Be'er Sheva", "Dimona", "Kiryat Shmona", "Nahariya", "Netanya",
            "Herzliya", "Metula", "Tiberias", "Kerem Shalom", "Nevatim"],
    "SYR": ["Idlib", "Aleppo", "Homs", "Hama", "Latakia", "Raqqa", "Deir ez-Zor",
            "Deir al-Zor", "Daraa", "Douma", "Ghouta", "Eastern Ghouta", "Kobani", "Afrin",
            "Manbij", "Hasakah", "Qamishli", "Tartus", "Palmyra", "Suwayda", "Sweida",
            "Jableh", "Al-Tanf", "Quneitra", "Mezzeh", "Hmeimim"],
    "SDN": ["Darfur", "North Darfur", "South Darfur", "West Darfur", "El Fasher",
            "Al-Fashir", "Omdurman", "Khartoum North", "Bahri", "Port Sudan", "Nyala",
            "Geneina", "El Geneina", "Kordofan", "South Kordofan", "North Kordofan",
            "Wad Madani", "Gezira", "Al Jazirah", "Kassala", "El Obeid", "Zamzam", "Atbara",
            "Kadugli", "Dilling", "Babanusa"],
    "SSD": ["Jonglei", "Bentiu", "Malakal", "Unity State", "Upper Nile", "Wau", "Yei", "Renk"],
    "ETH": ["Tigray", "Amhara", "Oromia", "Afar", "Mekelle", "Gondar", "Bahir Dar",
            "Dire Dawa", "Lalibela", "Ogaden", "Benishangul-Gumuz", "Axum", "Aksum", "Adama",
            "Hawassa", "Jijiga", "Dessie", "Kombolcha", "Grand Ethiopian Renaissance Dam"],
    "COD": ["Goma", "North Kivu", "South Kivu", "Kivu", "Ituri", "Bukavu", "Beni", "Bunia",
            "Lubumbashi", "Kisangani", "Kasai", "Katanga", "Rutshuru", "Masisi", "Uvira",
            "Butembo", "Kolwezi", "Mbandaka", "Kananga", "Mbuji-Mayi", "Minova", "Walikale",
            "Rubaya", "Kalehe"],
    "YEM": ["Marib", "Ma'rib", "Hodeidah", "Hudaydah", "Al-Hudaydah", "Aden", "Taiz",
            "Saada", "Sa'ada", "Mukalla", "Hadramout", "Hadramawt", "Shabwa", "Abyan",
            "Lahj", "Dhamar", "Ibb", "Hajjah", "Amran", "Al-Bayda", "Ras Isa", "Socotra",
            "Zinjibar"],
    "AZE": ["Nagorno-Karabakh", "Karabakh", "Shusha", "Khankendi", "Stepanakert",
            "Nakhchivan", "Ganja", "Lachin", "Lachin Corridor", "Agdam", "Fuzuli", "Sumgait"],
    "ARM": ["Gyumri", "Syunik"],
    "AFG": ["Kandahar", "Helmand", "Bagram", "Herat", "Mazar-i-Sharif", "Jalalabad",
            "Kunduz", "Panjshir", "Ghazni", "Khost", "Nangarhar", "Lashkar Gah", "Kunar",
            "Badakhshan", "Paktia", "Paktika", "Logar", "Wardak", "Uruzgan", "Zabul", "Farah",
            "Nimroz", "Baghlan", "Takhar", "Faryab", "Balkh", "Bamiyan", "Bamyan",
            "Nuristan", "Laghman", "Kapisa", "Parwan", "Sar-e Pul", "Jowzjan", "Samangan",
            "Badghis", "Ghor", "Daikundi"],
    "IRQ": ["Mosul", "Basra", "Kirkuk", "Erbil", "Irbil", "Fallujah", "Ramadi", "Anbar",
            "Tikrit", "Sinjar", "Nineveh", "Sulaymaniyah", "Najaf", "Karbala", "Samarra",
            "Diyala", "Kurdistan Region", "Iraqi Kurdistan", "Ain al-Asad", "Baqubah",
            "Nasiriyah", "Amarah", "Kut", "Hillah", "Duhok", "Dohuk", "Tal Afar", "Al-Qaim",
            "Jurf al-Sakhar", "Green Zone"],
    "LBN": ["Tyre", "Sidon", "Baalbek", "Bekaa", "Bekaa Valley", "Nabatieh", "Dahiyeh",
            "Dahieh", "South Lebanon", "Naqoura", "Marjayoun", "Bint Jbeil", "Khiam",
            "Litani", "Litani River", "Hermel", "Zahle", "Byblos", "Jounieh"],
    "LBY": ["Benghazi", "Misrata", "Sirte", "Derna", "Tobruk", "Sabha", "Cyrenaica", "Fezzan",
            "Tripolitania", "Zawiya", "Ajdabiya", "Ras Lanuf", "Brega", "Zintan",
            "Bani Walid", "Gharyan", "Tarhuna", "Jufra", "Kufra"],
    "IRN": ["Isfahan", "Natanz", "Fordow", "Fordo", "Bushehr", "Mashhad", "Qom", "Tabriz",
            "Shiraz", "Ahvaz", "Khuzestan", "Sistan-Baluchestan", "Sistan and Baluchestan",
            "Zahedan", "Bandar Abbas", "Parchin", "Kharg Island", "Kermanshah", "Kerman",
            "Arak", "Chabahar", "Rasht", "Karaj", "Evin Prison", "Urmia"],
    "PAK": ["Karachi", "Lahore", "Peshawar", "Quetta", "Rawalpindi", "Balochistan",
            "Baluchistan", "Khyber Pakhtunkhwa", "Waziristan", "North Waziristan",
            "South Waziristan", "Sindh", "Gwadar", "Multan", "Faisalabad", "Bajaur",
            "Swat Valley", "Abbottabad", "Bannu", "Dera Ismail Khan", "Kurram",
            "Azad Kashmir", "Pakistan-administered Kashmir", "Gilgit-Baltistan",
            "Muzaffarabad", "Sialkot", "Federally Administered Tribal Areas"],
    "IND": ["Mumbai", "Bombay", "Delhi", "Kolkata", "Calcutta", "Chennai", "Madras",
            "Bengaluru", "Bangalore", "Hyderabad", "Ahmedabad", "Pune", "Manipur", "Assam",
            "Jammu and Kashmir", "Jammu", "Srinagar", "Ladakh", "Pahalgam", "Uttar Pradesh",
            "Bihar", "Gujarat", "Kerala", "Maharashtra", "Tamil Nadu", "Karnataka",
            "Andhra Pradesh", "Telangana", "West Bengal", "Odisha", "Rajasthan",
            "Madhya Pradesh", "Haryana", "Uttarakhand", "Himachal Pradesh", "Chhattisgarh",
            "Jharkhand", "Goa", "Nagaland", "Mizoram", "Tripura", "Meghalaya",
            "Arunachal Pradesh", "Sikkim", "Lucknow", "Amritsar", "Pathankot", "Pulwama",
            "Ayodhya", "Varanasi", "Indian-administered Kashmir"],
    "CHN": ["Xinjiang", "Tibet", "Shanghai", "Guangzhou", "Shenzhen", "Wuhan",
            "Inner Mongolia", "Hainan", "Fujian", "Guangdong", "Sichuan", "Chongqing",
            "Tianjin", "Nanjing", "Hangzhou", "Chengdu", "Harbin", "Urumqi", "Lhasa", "Yunnan",
            "Zhejiang", "Jiangsu", "Shandong", "Henan", "Hubei", "Hunan", "Liaoning", "Jilin",
            "Heilongjiang", "Gansu", "Qinghai", "Ningxia", "Guangxi", "Shanxi", "Shaanxi",
            "Hebei", "Anhui", "Jiangxi", "Guizhou", "Xiamen", "Dalian", "Qingdao",
            "Tiananmen", "Tiananmen Square", "Zhuhai", "Dandong", "Sanya"],
    "TWN": ["Kaohsiung", "Taichung", "Tainan", "Taoyuan", "Hsinchu", "Kinmen", "Matsu",
            "Penghu", "Hualien", "Keelung"],
    "MMR": ["Rakhine", "Rakhine State", "Shan State", "Kachin", "Kachin State", "Sagaing",
            "Yangon", "Rangoon", "Mandalay", "Karen State", "Kayin State", "Kayah State",
            "Chin State", "Mon State", "Myawaddy", "Lashio", "Sittwe", "Magway", "Ayeyarwady",
            "Irrawaddy", "Tanintharyi", "Laukkaing", "Mawlamyine", "Maungdaw", "Buthidaung"],
    "PRK": ["Yongbyon", "Punggye-ri", "Sinpo", "Kaesong", "Wonsan", "Sohae", "Hamhung",
            "Nampo", "Chongjin", "Sinuiju", "Tongchang-ri"],
    "KOR": ["Busan", "Incheon", "Jeju", "Gwangju", "Daegu", "Ulsan", "Osan", "Pyeongtaek",
            "Gyeonggi", "Daejeon", "Suwon", "Changwon", "Yeonpyeong", "Yeonpyeong Island",
            "Chungcheong", "Gyeongsang", "Jeolla", "Honam", "Hoseo", "Yeongnam", "Yeongdong",
            "Yeongseo"],
    "TUR": ["Istanbul", "Izmir", "Incirlik", "Diyarbakir", "Gaziantep", "Hatay",
            "Kahramanmaras", "Antalya", "Adana", "Anatolia", "Bosphorus", "Bosporus",
            "Dardanelles", "Konya", "Bursa", "Mersin", "Sanliurfa", "Mardin", "Kilis",
            "Sirnak", "Hakkari", "Malatya", "Adiyaman", "Kars", "Trabzon", "Samsun",
            "Erzurum", "Eskisehir", "Kayseri"],
    "ARE": ["Dubai", "Sharjah", "Ajman", "Fujairah", "Ras al-Khaimah", "Umm al-Quwain",
            "Al Dhafra", "Jebel Ali", "Al Ain"],
    "SAU": ["Jeddah", "Mecca", "Makkah", "Madinah", "Dammam", "Dhahran", "NEOM", "Abqaiq",
            "Ras Tanura", "Jizan", "Jazan", "Najran", "Tabuk", "Qatif", "Taif", "Khurais",
            "Yanbu", "Asir"],
    "QAT": ["Al Udeid", "Al Udeid Air Base", "Lusail", "Ras Laffan", "Al Wakrah"],
    "KWT": ["Camp Arifjan", "Arifjan"],
    "BHR": ["Muharraq", "Riffa", "Sitra"],
    "OMN": ["Salalah", "Duqm", "Sohar", "Musandam", "Dhofar"],
    "JOR": ["Aqaba", "Zarqa", "Irbid", "Mafraq", "Zaatari"],
    "EGY": ["Alexandria", "Sinai", "North Sinai", "Port Said", "Suez", "Suez Canal",
            "Ismailia", "Luxor", "Aswan", "Giza", "Sharm el-Sheikh", "Arish", "El-Arish",
            "Al-Arish", "Hurghada", "Minya", "Asyut", "Tanta", "Mansoura", "Zagazig",
            "Damietta", "Tahrir Square"],
    "SOM": ["Puntland", "Somaliland", "Kismayo", "Baidoa", "Beledweyne", "Galkayo", "Hargeisa",
            "Berbera", "Jubaland", "Lower Shabelle", "Middle Shabelle", "Bosaso", "Garowe",
            "Afgooye", "Barawe"],
    "KEN": ["Mombasa", "Kisumu", "Nakuru", "Garissa", "Lamu", "Mandera", "Wajir", "Eldoret",
            "Dadaab", "Kakuma"],
    "NGA": ["Lagos", "Kano", "Maiduguri", "Borno", "Borno State", "Chibok", "Zamfara",
            "Kaduna", "Katsina", "Port Harcourt", "Niger Delta", "Sokoto", "Benue",
            "Plateau State", "Yobe", "Adamawa", "Enugu", "Owerri", "Ibadan", "Kebbi",
            "Bauchi", "Gombe", "Taraba", "Bayelsa", "Rivers State", "Delta State", "Onitsha",
            "Abeokuta", "Ilorin"],
    "MLI": ["Timbuktu", "Gao", "Kidal", "Mopti", "Menaka", "Ségou", "Sikasso", "Kayes",
            "Tessalit", "Azawad"],
    "BFA": ["Djibo", "Bobo-Dioulasso", "Fada N'Gourma", "Ouahigouya", "Koudougou"],
    "NER": ["Agadez", "Zinder", "Maradi", "Tahoua", "Diffa", "Tillabéri", "Tillaberi",
            "Dosso", "Arlit"],
    "TCD": ["Abéché", "Moundou", "Sarh", "Tibesti"],
    "CAF": ["Bambari", "Bria", "Berberati", "Bouar", "Birao", "Kaga-Bandoro"],
    "MOZ": ["Cabo Delgado", "Mocimboa da Praia", "Beira", "Nampula", "Niassa", "Quelimane",
            "Tete", "Sofala"],
    "CMR": ["Douala", "Bamenda", "Buea", "Maroua", "Garoua", "Ambazonia"],
    "HTI": ["Cap-Haïtien", "Gonaïves", "Cité Soleil", "Pétion-Ville", "Artibonite"],
    "VEN": ["Maracaibo", "Zulia", "Táchira", "Apure", "Barinas", "Maracay", "Barquisimeto",
            "Puerto Cabello"],
    "GUY": ["Essequibo"],
    "COL": ["Medellín", "Cali", "Barranquilla", "Cúcuta", "Cauca", "Antioquia", "Catatumbo",
            "Arauca", "Nariño", "Putumayo", "Chocó", "Bucaramanga", "Santa Marta",
            "Cartagena"],
    "MEX": ["Tijuana", "Ciudad Juárez", "Juárez", "Sinaloa", "Culiacán", "Michoacán",
            "Jalisco", "Guadalajara", "Monterrey", "Tamaulipas", "Chihuahua", "Sonora",
            "Veracruz", "Oaxaca", "Chiapas", "Acapulco", "Cancún", "Matamoros",
            "Nuevo Laredo", "Reynosa", "Baja California", "Zacatecas", "Guanajuato", "Puebla",
            "Morelos", "Yucatán", "Quintana Roo", "Tabasco", "Mazatlán"],
    "ECU": ["Guayaquil", "Esmeraldas", "Manabí", "Galápagos"],
    "PER": ["Arequipa", "Cusco", "Cuzco", "Puno", "Ayacucho", "Callao", "Iquitos",
            "Machu Picchu"],
    "BOL": ["Cochabamba", "El Alto", "Potosí", "Oruro", "Tarija"],
    "CHL": ["Valparaíso", "Antofagasta", "Cape Horn", "Araucanía", "Temuco", "Viña del Mar", "Punta Arenas",
            "Iquique", "Atacama"],
    "ARG": ["Tucumán", "Mar del Plata", "La Plata", "Ushuaia", "Bahía Blanca",
            "Salta", "Neuquén"],
    "BRA": ["São Paulo", "Rio de Janeiro", "Amazonas", "Manaus", "Bahia", "Recife",
            "Fortaleza", "Belo Horizonte", "Porto Alegre", "Curitiba", "Belém", "Pará",
            "Roraima", "Rondônia", "Mato Grosso", "Minas Gerais", "Rio Grande do Sul",
            "Pernambuco", "Santa Catarina", "Goiás", "Maranhão"],
    "GEO": ["Abkhazia", "South Ossetia", "Tskhinvali", "Sukhumi", "Batumi", "Adjara",
            "Kutaisi", "Gori", "Pankisi", "Pankisi Gorge", "Rustavi", "Zugdidi"],
    "MDA": ["Transnistria", "Tiraspol", "Gagauzia", "Bălți"],
    "BLR": ["Grodno", "Hrodna", "Gomel", "Homel", "Mogilev", "Vitebsk", "Babruysk"],
    "POL": ["Rzeszów", "Kraków", "Krakow", "Gdańsk", "Wrocław", "Łódź", "Poznań", "Lublin",
            "Przewodów", "Białystok"],
    "LTU": ["Kaunas", "Klaipėda"],
    "EST": ["Narva", "Tartu"],
    "LVA": ["Daugavpils"],
    "FIN": ["Tampere", "Turku", "Espoo"],
    "SWE": ["Gothenburg", "Malmö", "Gotland", "Uppsala"],
    "NOR": ["Bergen", "Stavanger", "Trondheim", "Tromsø"],
    "DNK": ["Aarhus", "Odense", "Bornholm", "Aalborg"],
    "DEU": ["Munich", "Hamburg", "Frankfurt", "Cologne", "Stuttgart", "Düsseldorf", "Dresden",
            "Leipzig", "Bavaria", "Saxony", "Thuringia", "Ramstein", "Ramstein Air Base",
            "Hanover", "Bremen", "Nuremberg", "Magdeburg", "Rostock", "Potsdam", "Hesse",
            "Lower Saxony", "North Rhine-Westphalia", "Baden-Württemberg", "Saxony-Anhalt",
            "Schleswig-Holstein", "Rhineland-Palatinate", "Saarland", "Grafenwöhr",
            "Spangdahlem"],
    "FRA": ["Marseille", "Lyon", "Lille", "Toulouse", "Bordeaux", "Strasbourg", "Nantes",
            "Corsica", "Normandy", "Calais", "Alsace", "Provence", "Montpellier",
            "Rennes", "Grenoble", "Toulon", "Le Havre", "Dunkirk", "Saint-Denis"],
    "ITA": ["Milan", "Naples", "Turin", "Venice", "Genoa", "Bologna", "Palermo", "Sicily",
            "Sardinia", "Lampedusa", "Calabria", "Lombardy", "Tuscany", "Bari", "Catania",
            "Trieste", "Sigonella", "Aviano", "Verona", "Puglia", "Apulia", "Lazio",
            "Campania", "Veneto", "Piedmont", "Liguria"],
    "ESP": ["Barcelona", "Catalonia", "Basque Country", "Andalusia", "Seville", "Valencia",
            "Bilbao", "Málaga", "Canary Islands", "Canaries", "Balearic Islands", "Majorca",
            "Mallorca", "Ibiza", "Ceuta", "Melilla", "Zaragoza", "Navarre", "Cádiz"],
    "PRT": ["Porto", "Oporto", "Madeira", "Azores", "Algarve", "Coimbra", "Braga"],
    "NLD": ["Rotterdam", "The Hague", "Utrecht", "Eindhoven", "Schiphol", "Groningen",
            "Maastricht", "Leiden", "Arnhem"],
    "BEL": ["Antwerp", "Ghent", "Bruges", "Liège", "Charleroi", "Flanders",
            "Wallonia", "Namur", "Leuven", "Molenbeek", "Zaventem"],
    "CHE": ["Geneva", "Zurich", "Basel", "Lausanne", "Davos", "Lucerne", "Lugano", "Ticino"],
    "AUT": ["Salzburg", "Innsbruck", "Graz", "Linz", "Tyrol", "Tirol", "Carinthia", "Styria"],
    "GRC": ["Thessaloniki", "Crete", "Rhodes", "Lesbos", "Lesvos", "Piraeus", "Corfu",
            "Patras", "Evros", "Samos", "Chios", "Souda Bay", "Alexandroupolis"],
    "CYP": ["Limassol", "Larnaca", "Famagusta", "Paphos", "Kyrenia", "North Cyprus",
            "Northern Cyprus", "TRNC"],
    "CZE": ["Brno", "Ostrava"],
    "HUN": ["Debrecen", "Szeged"],
    "SRB": ["Novi Sad", "Niš", "Vojvodina", "Subotica", "Kragujevac"],
    "XKX": ["Mitrovica", "North Mitrovica", "Prizren", "Gjilan", "Zvečan", "Banjska"],
    "BIH": ["Republika Srpska", "Srebrenica", "Mostar", "Banja Luka", "Tuzla", "Brčko",
            "Zenica", "Bihać", "Federation of Bosnia and Herzegovina", "Herzegovina"],
    "MKD": ["Tetovo", "Kumanovo", "Bitola", "Ohrid"],
    "ALB": ["Durrës", "Shkodër", "Vlorë", "Vlora"],
    "ROU": ["Constanța", "Cluj", "Cluj-Napoca", "Timișoara", "Iași", "Mihail Kogălniceanu",
            "Transylvania", "Deveselu", "Galați", "Tulcea"],
    "BGR": ["Plovdiv", "Varna", "Burgas"],
    "HRV": ["Dubrovnik", "Rijeka", "Zadar", "Osijek", "Vukovar", "Slavonia", "Dalmatia"],
    "SVN": ["Maribor", "Koper"],
    "SVK": ["Košice"],
    "AUS": ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Queensland",
            "Great Barrier Reef",
            "New South Wales", "Tasmania", "Pine Gap", "Hobart", "Western Australia",
            "South Australia", "Northern Territory"],
    "NZL": ["Auckland", "Christchurch", "Otago", "Waikato"],
    "CAN": ["Toronto", "Montreal", "Vancouver", "Calgary", "Edmonton", "Quebec", "Alberta",
            "Ontario", "British Columbia", "Manitoba", "Saskatchewan", "Nova Scotia",
            "New Brunswick", "Newfoundland", "Yukon", "Nunavut", "Winnipeg", "Halifax",
            "Northwest Territories"],
    "JPN": ["Osaka", "Okinawa", "Hiroshima", "Nagasaki", "Fukushima", "Yokohama", "Kyoto",
            "Sapporo", "Hokkaido", "Kyushu", "Yokosuka", "Kadena", "Sasebo", "Iwakuni",
            "Misawa", "Yonaguni", "Nagoya", "Kobe", "Fukuoka", "Sendai", "Ishigaki"],
    "PHL": ["Mindanao", "Marawi", "Davao", "Cebu", "Quezon City", "Luzon", "Zamboanga",
            "Sulu", "Basilan", "Jolo", "Cotabato", "Palawan", "Leyte", "Tacloban", "Makati",
            "Subic Bay"],
    "IDN": ["Java", "Sumatra", "Bali", "Aceh", "Papua", "West Papua", "Sulawesi",
            "Central Java", "East Java", "West Java",
            "Kalimantan", "Surabaya", "Bandung", "Medan", "Makassar", "Yogyakarta", "Lombok",
            "Maluku"],
    "MYS": ["Sabah", "Sarawak", "Penang", "Johor", "Johor Bahru", "Malacca", "Melaka",
            "Langkawi", "Selangor", "Kelantan", "Terengganu", "Kedah", "Perak", "Pahang"],
    "THA": ["Chiang Mai", "Phuket", "Pattani", "Yala", "Narathiwat", "Songkhla", "Pattaya",
            "Hat Yai"],
    "VNM": ["Ho Chi Minh City", "Saigon", "Haiphong", "Da Nang", "Danang", "Cam Ranh",
            "Cam Ranh Bay", "Nha Trang"],
    "KHM": ["Siem Reap", "Battambang", "Sihanoukville", "Ream Naval Base"],
    "LAO": ["Luang Prabang"],
    "BGD": ["Chittagong", "Chattogram", "Cox's Bazar", "Sylhet", "Khulna", "Rajshahi"],
    "LKA": ["Jaffna", "Kandy", "Trincomalee", "Batticaloa", "Galle", "Hambantota"],
    "NPL": ["Pokhara", "Lalitpur"],
    "KAZ": ["Almaty", "Shymkent", "Karaganda", "Baikonur", "Aktau", "Atyrau"],
    "UZB": ["Samarkand", "Bukhara", "Andijan", "Namangan", "Termez"],
    "KGZ": ["Osh", "Jalal-Abad", "Batken"],
    "TJK": ["Khujand", "Gorno-Badakhshan", "Khorog"],
    "DZA": ["Oran", "Annaba", "Tamanrasset", "In Amenas", "Kabylie"],
    "MAR": ["Casablanca", "Tangier", "Marrakesh", "Marrakech", "Fez", "Agadir"],
    "TUN": ["Sfax", "Sousse", "Bizerte", "Kairouan", "Djerba"],
    "MRT": ["Nouadhibou"],
    "SEN": ["Touba", "Thiès", "Ziguinchor", "Casamance"],
    "GHA": ["Kumasi", "Tamale", "Takoradi"],
    "CIV": ["Bouaké"],
    "ZAF": ["Johannesburg", "Durban", "Soweto", "KwaZulu-Natal", "Gauteng", "Western Cape",
            "Eastern Cape", "Limpopo", "Mpumalanga", "Port Elizabeth", "Gqeberha",
            "Bloemfontein", "Sandton", "Stellenbosch", "Nkandla"],
    "ZWE": ["Bulawayo", "Mutare", "Gweru", "Matabeleland", "Mashonaland"],
    "ZMB": ["Ndola", "Kitwe", "Copperbelt"],
    "AGO": ["Cabinda", "Huambo", "Lobito", "Benguela"],
    "UGA": ["Entebbe", "Gulu", "Jinja", "Kasese", "Mbarara"],
    "RWA": ["Gisenyi", "Rubavu", "Butare", "Huye"],
    "TZA": ["Zanzibar", "Arusha", "Mwanza"],
    "ERI": ["Massawa", "Assab", "Keren"],
    "DJI": ["Camp Lemonnier", "Obock", "Tadjourah"],
    "MDG": ["Toamasina", "Mahajanga"],
    "CUB": ["Santiago de Cuba", "Camagüey", "Holguín", "Matanzas", "Pinar del Río"],
    "DOM": ["Santiago de los Caballeros", "Punta Cana"],
    "HND": ["San Pedro Sula"],
    "GTM": ["Quetzaltenango", "Petén"],
    "PAN": ["Darién", "Darien Gap", "Panama Canal"],
    "JAM": ["Montego Bay"],
    "TTO": ["Tobago"],
    "ATG": ["Barbuda"],
    "KNA": ["Nevis"],
    "STP": ["Príncipe"],
    "BES": ["Bonaire", "Sint Eustatius", "Statia"],
    "IRL": ["Cork", "Galway", "Limerick", "Waterford", "Donegal"],
    "ISL": ["Keflavík", "Akureyri"],
    "GRL": ["Pituffik", "Thule Air Base"],
    "IOT": ["Diego Garcia"],
    "SJM": ["Jan Mayen"],
}

# Upstream entries never used, one normalised key a line: first names and surnames, words the
# word list misses, places shared by several countries, wrong, historic or joke entries.
STOP_TEXT = """
victoria
florence
charlotte
austin
lawrence
douglas
stanley
hamilton
kimberley
darwin
murray
eyre
tara
orlando
columbus
lincoln
regina
chelsea
nan
jackson
madison
adelaide
medina
guerrero
mendoza
trujillo
santiago
phoenix
buffalo
providence
salisbury
frunze
thule
moonland
sheepland
kiwistan
americaland
belgiumland
swissland
slovakland
kenyaland
aussieland
yankeeland
yankee land
san jose
san juan
georgetown
george town
santa cruz
santa ana
santa maria
cordoba
concepcion
cuenca
palma
pemba
salvador
rio
brest
tarabulus
trablous
formosa
savoy
midi
riviera
waterloo
sodom
gomorrah
gomorrha
volta
canton
xianggang
fatah
occupied territories
kurdistan
punjab
kashmir
bengal
timor
borneo
patagonia
tierra del fuego
macedonia
kiwi
hindustan
chaparhar
hippo
republic of dominica
republic of columbia
sur
hind
al hind
graveyard of empires
last european dictatorship
hidden pirate island
cheung fat estate
light of the south
manchester of the east
pearl of the orient
city of light
eternal city
forbidden city
new flower
island of the moon
land of the rising sun
celestial empire
beloved country
khama s country
smiling coast
trust territory of the pacific
collectivite sui generis
kim s joseon dynasty
milosevic s yugoslavia
red korea
communist korea
soviet korea
soviet occupied afghanistan
morocco occupied western sahara
occupied cyprus
georgia proper
western georgia
st john s
saint john s
st george s
st georges
jamestown
plymouth
kingston
saint denis
saint pierre
male
victoria de durango
uri
kerry
shannon
national capital territory of delhi
swiss canton
sind
sana
tibetan
chinese wall
gobi
gobi desert
lassa
vladimir
kirov
molotov
gorky
gorki
gorkiy
altai
kostromas
abydos
ararat
gangwon
dakota
old dominion
old dominion state
louisiana purchase
athens on the kaw
heart of dixie
land of lincoln
little rhody
saint lawrence
saint lawrence river
st lawrence river
niagara river
columbia river
empire state of the south
epirus
galan
laudo
nacimiento
el libertador
bonete
cachi
soledad
sadlers
doris
argos
arcadia
ithaca
olympus
mount olympus
mt olympus
athos
delphi
thebes
nasser
nile
nile river
danube river
danau
lake constance
bodensee
frankfort
aken
lorraine
tivoli
toledo
sierra nevada
constantine
ragusa
pobeda peak
pobedy peak
ashur
asur
basia
irbl
al barah
al mawil
syrian desert
ishikawa
yamaguchi
miyazaki
yamagata
fukui
kagawa
miyagi
takeo
spanish sahara
el aaium
sava
nogales
la laguna
sukhbaatar
naze
christiania
tasman
quezon
cordillera
bromberg
lusitania
bida
constantina
lund
ariana
susa
lake kyre
erye peninsula
granz
lubavitch
feliz lusitania
st mary of bethlehem
qubec
northern cypru
saida
"""
STOP = {line.strip() for line in STOP_TEXT.split("\n") if line.strip()}


# Upstream other names (CountryInfo <Nationality>, CAMEO and Phoenix names) that we keep.
# Everything else there is a misspelling, a transliteration of a foreign exonym ("Seupein",
# "Oseuteureillia"), a nickname (some of them derogatory) or an index form, none of which a
# news text uses; the names news does use are in HAND.
ALIAS_KEEP = {
    "shqiperia", "hayastan", "osterreich", "dahomey", "druk yul", "west germany",
    "dutch east indies", "hebrew state", "transjordan", "kingdom of jordan", "korea republic",
    "dpr korea", "korea dpr", "federal republic of yugoslavia", "serbia and montenegro",
    "dutch guiana", "new hebrides", "s africa", "s arabia", "wallis and futuna islands",
    "svalbard and jan mayen islands", "herzegovinian", "turkish republic", "hrvatska",
    "republika srbija", "republika slovenija", "bundesrepublik deutschland",
}

# Owner of a key that upstream gives to several countries (otherwise it is dropped from all).
OWNER = {
    "valencia": "ESP",
    "beograd": "SRB",
    "cartagena": "COL",
    "svalbard": "SJM",
    "aland islands": "ALA",
    "hawaii": "USA",
}

# CountryInfo blocks whose ISO3166-alpha3 field is wrong, missing or not a state of its own.
CI_ISO = {
    "AFGHANISTAN": "AFG", "GUATEMALA": "GTM", "GUINEA": "GIN", "ISRAEL": "ISR",
    "JAPAN": "JPN", "MYANMAR": "MMR", "KOSOVO": "XKX", "SERBIA_AND_MONTENEGRO": "SRB",
    "ISLE_OF_MAN": "IMN", "JERSEY": "JEY", "TIMOR_LESTE": "TLS", "ROMANIA": "ROU",
    "BRITISH_INDIAN_OCEAN_TERRITORY": "IOT", "CHRISTMAS_ISLAND": "CXR", "COCOS_ISLANDS": "CCK",
}
# Blocks that are part of another country: all their names become places of that country.
CI_PART_OF = {
    "TURKISH_REPUBLIC_OF_NORTH_CYPRUS": "CYP", "TIBET": "CHN",
    "BOSNIAK/CROAT_FEDERATION": "BIH", "BOSNIAN_SERB_REPUBLICA": "BIH",
}
CI_SKIP = {"NETHERLANDS_ANTILLES"}  # dissolved in 2010: CUW, SXM and BES are added by hand

# CAMEO country codes that differ from ISO 3166 alpha-3, and CAMEO rows that are not states.
CAMEO_ISO = {"TMP": "TLS", "ROM": "ROU", "MTN": "MNE", "IMY": "IMN"}
CAMEO_SKIP = {"WSB", "BAG", "GZS", "ANT"}  # West Bank, Baghdad, Gaza Strip: places of PSE/IRQ

# Phoenix country blocks: code -> ISO3 (None = historic or fictional, skipped).
PHX_ISO = {"KSV": "XKX", "TMP": "TLS", "SUN": None, "CSK": None, "DDR": None, "SCG": None,
           "KNT": None}
PHX_NAME_ISO = {"MAYOTTE_": "MYT", "SAINT_BARTHELEMY_": "BLM", "RUSSIAN_SFSR": None,
                "GERMAN_DEMOCRATIC_REPUBLIC": None}

PARTICLES = {"of", "and", "the", "de", "del", "della", "di", "da", "do", "dos", "das", "du",
             "des", "la", "le", "les", "y", "e", "i", "on", "upon", "der", "den", "van",
             "von", "au", "aux", "sur", "en", "al", "el", "ad", "ag", "ar", "as", "ash",
             "az", "ez", "es", "ed", "na", "bin", "ibn"}
ACRONYMS = {"us", "usa", "uk", "uae", "dprk", "prc", "rok", "drc", "trnc", "hksar", "fyrom",
            "rdtl", "lpdr", "pdr", "ksa", "nz", "dc", "dpr", "usvi", "cnmi", "bvi", "rsfsr", "ussr"}
FUNCTION_WORDS = PARTICLES | {"a", "an", "in", "to", "for", "at", "by"}
DEMONYM_END = re.compile(r"(ian|ians|ean|eans|ese|ish|man|men|woman|women|er|ers|ais|ois|"
                         r"asque|ite|ites|i|is|ot|ots|ard|ards)$")


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------
def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def norm_key(s):
    """The comparison key: case, diacritics, periods folded; hyphens/apostrophes as spaces."""
    s = re.sub(r":[A-Z]{3}$", "", s)
    s = fold(s).lower()
    s = s.replace(".", "")
    s = re.sub(r"[-'\u2019`,]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def lev(a, b):
    if a == b:
        return 0
    if abs(len(a) - len(b)) > 3:
        return 99
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def close(a, b):
    """True when a looks like a misspelling of b (keys without spaces)."""
    a, b = a.replace(" ", ""), b.replace(" ", "")
    if a == b:
        return True
    n = min(len(a), len(b))
    limit = 1 if n <= 5 else (2 if n <= 10 else 3)
    return lev(a, b) <= limit


def case_part(p, first, initial=False):
    """Case one hyphen-free, space-free piece (may contain apostrophes).

    first: the piece starts a word that is not a particle; initial: it starts the name."""
    low = p.lower()
    if "." in p:
        letters = low.replace(".", "")
        if 0 < len(letters) <= 4 and len(p) >= 2:
            if letters in ("st", "mt", "ft"):
                return letters.capitalize() + "."
            return p.upper()
    if low in ACRONYMS:
        return low.upper()
    if "'" in low:
        bits = low.split("'")
        head = bits[0]
        if len(head) == 1 and head in "dl":
            # d'Ivoire, l'Hexagone: elided article, lower case unless it starts the name
            out = [head.upper() if initial else head]
            out += [b.capitalize() for b in bits[1:]]
        elif len(head) == 1 and head in "no":
            out = [head.upper()] + [b.capitalize() for b in bits[1:]]   # N'Djamena, O'Neill
        else:
            out = [head.capitalize() if (first or initial) else head] + bits[1:]  # Xi'an
        return "'".join(out)
    if not first and low in PARTICLES:
        return low
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:].capitalize()
    return low.capitalize()


def smart_case(s):
    """KABUL_ -> Kabul; MAZAR-I-SHARIF_ -> Mazar-i-Sharif; N'DJAMENA_ -> N'Djamena."""
    s = s.replace("_", " ").strip()
    s = re.sub(r"\s+", " ", s)
    out = []
    words = s.split(" ")
    for wi, w in enumerate(words):
        cased = []
        for pi, p in enumerate(w.split("-")):
            initial = wi == 0 and pi == 0
            last = wi == len(words) - 1 and "-" not in w      # Mari El, Nghe An
            first = initial or last or p.lower() not in PARTICLES
            cased.append(case_part(p, first, initial))
        out.append("-".join(cased))
    res = " ".join(out)
    if res.lower().startswith("the "):
        res = res[4:]
    return res


def plural(adj):
    last = adj.split(" ")[-1]
    low = last.lower()
    if low.endswith(("ese", "ish", "ch", "sh", "ss", "s", "x", "z", "y", "o", "ic", "man",
                     "abe", "abè", "a", "u")):
        return None
    if low.endswith(("an", "i", "er", "ar", "ot", "k", "b", "ite", "e", "n", "at", "t", "d",
                     "kh", "ee", "g")):
        return adj + "s"
    return None


# --------------------------------------------------------------------------------------------
# Upstream readers
# --------------------------------------------------------------------------------------------
def read_common_words(upstream):
    words = set()
    path = os.path.join(upstream, "lemminflect", "lemma_lu.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in csv.reader(f):
            if row and row[0] and row[0].islower() and row[1] != "propn":
                words.add(row[0])
    return words


def read_countryinfo(upstream):
    path = os.path.join(upstream, "CountryInfo", "CountryInfo.120116.txt")
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    blocks = []
    for body in re.findall(r"<Country>(.*?)</Country>", text, flags=re.S):
        def field(tag):
            m = re.search(r"<%s>(.*?)</%s>" % (re.escape(tag), re.escape(tag)), body, re.S)
            if not m:
                return []
            items = []
            for line in m.group(1).split("\n"):
                line = line.split("#")[0].strip()
                if line:
                    items.append(line)
            return items
        name = (field("CountryName") or [""])[0]
        blocks.append({
            "name": name,
            "alpha3": (field("ISO3166-alpha3") or ["---"])[0],
            "Nationality": field("Nationality"),
            "Capital": field("Capital"),
            "MajorCities": field("MajorCities"),
            "Regions": field("Regions"),
            "GeogFeatures": field("GeogFeatures"),
        })
    return blocks


def read_cameo(upstream):
    path = os.path.join(upstream, "cameo", "cameo_country.std.csv")
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            rows.append((row["cameo_country_code"], row["country_name"]))
    return rows


def read_phoenix(upstream):
    path = os.path.join(upstream, "petrarch2", "Phoenix.Countries.actors.txt")
    with open(path, "rb") as f:
        lines = f.read().decode("utf-8", errors="replace").split("\n")
    entries, cur = [], None
    for raw in lines:
        s = raw.split("#")[0].rstrip()
        if not s.strip():
            continue
        if raw[0] in " \t":
            if cur is not None:
                cur["codes"] += re.findall(r"\[([^\]]*)\]", s)
        elif s.startswith("+"):
            if cur is not None:
                for syn in s.split("+"):
                    if syn.strip():
                        cur["syn"].append(syn.strip())
        else:
            m = re.match(r"^(\S+)\s*(.*)$", s)
            cur = {"name": m.group(1), "syn": [],
                   "codes": re.findall(r"\[([^\]]*)\]", m.group(2))}
            entries.append(cur)
    blocks = []
    for e in entries:
        codes = [c.split()[0] for c in e["codes"] if c.strip()]
        if not codes or not all(re.fullmatch(r"[A-Z]{3,9}", c) for c in codes):
            continue
        if not any(len(c) == 3 for c in codes):
            continue
        last = codes[-1][:3]
        if e["name"] in PHX_NAME_ISO:
            iso = PHX_NAME_ISO[e["name"]]
        else:
            iso = PHX_ISO.get(last, last)
        if iso is None:
            continue
        blocks.append((iso, e["name"], e["syn"]))
    return blocks


# --------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------
class Builder:
    def __init__(self, common, stop):
        self.common = common
        self.stop = stop
        self.data = OrderedDict()         # iso -> {field: [values]}
        self.owner = {}                   # key -> (iso, field, hand?)
        self.drops = []
        self.seen_drops = set()
        self.upstream_cands = defaultdict(list)   # key -> [(iso, field, value, source)]

    def country(self, iso):
        if iso not in self.data:
            self.data[iso] = {f: [] for f in FIELDS}
            self.data[iso]["name"] = None
        return self.data[iso]

    def drop(self, reason, iso, field, value):
        item = (reason, iso, field, value)
        if item not in self.seen_drops:      # CountryInfo and Phoenix often repeat an entry
            self.seen_drops.add(item)
            self.drops.append(item)

    # hand entries: always kept unless a hand entry of another country has the same key
    def add_hand(self, iso, field, value):
        value = value.strip()
        if not value:
            return
        k = norm_key(value)
        if k in self.owner:
            o_iso, o_field, _ = self.owner[k]
            if o_iso != iso:
                self.drop("hand-collision(%s)" % o_iso, iso, field, value)
            # same country: already present in an earlier field
            return
        self.owner[k] = (iso, field, True)
        c = self.country(iso)
        if field == "name":
            c["name"] = value
        else:
            c[field].append(value)

    def filter_upstream(self, iso, field, value, source):
        """Return a cleaned value or None (with the drop recorded)."""
        if "\ufffd" in value or "\x1a" in value:
            self.drop("bad-char", iso, field, value)
            return None
        v = value.strip().rstrip("_").strip()
        if not v:
            return None
        if re.search(r"[^A-Za-z .'_\-]", v) or not v[0].isalpha():
            self.drop("bad-char", iso, field, value)
            return None
        if v.count("_") + v.count(" ") >= 5:
            self.drop("too-long", iso, field, value)
            return None
        cased = smart_case(v)
        k = norm_key(cased)
        if k in self.owner:
            o_iso = self.owner[k][0]
            if o_iso != iso:
                self.drop("taken-by-%s" % o_iso, iso, field, cased)
            return None         # already known (hand entry)
        if any(c[0] == iso for c in self.upstream_cands.get(k, ())):
            return None         # already proposed for this country
        if len(k.replace(" ", "")) < 3:
            self.drop("too-short", iso, field, cased)
            return None
        if k in self.stop:
            self.drop("stop-list", iso, field, cased)
            return None
        if field in ("aliases", "adjectives") and k not in ALIAS_KEEP:
            self.drop("alias-not-kept", iso, field, cased)
            return None
        if field == "places" and k.endswith(" state") and iso == "USA":
            self.drop("nickname", iso, field, cased)
            return None
        content = [t for t in k.split(" ") if t not in FUNCTION_WORDS]
        if not content or all(t in self.common for t in content):
            self.drop("common-word", iso, field, cased)
            return None
        return cased

    def add_upstream(self, iso, field, value, source):
        cased = self.filter_upstream(iso, field, value, source)
        if cased is None:
            return
        self.upstream_cands[norm_key(cased)].append((iso, field, cased, source))

    def resolve_upstream(self):
        for k, cands in self.upstream_cands.items():
            isos = OrderedDict()
            for iso, field, cased, source in cands:
                isos.setdefault(iso, (field, cased, source))
            if k in self.owner:
                o_iso = self.owner[k][0]
                for iso, (field, cased, source) in isos.items():
                    if iso != o_iso:
                        self.drop("taken-by-%s" % o_iso, iso, field, cased)
                continue
            if len(isos) > 1:
                win = OWNER.get(k)
                if win in isos:
                    for iso, (field, cased, source) in isos.items():
                        if iso != win:
                            self.drop("owner-%s" % win, iso, field, cased)
                    isos = {win: isos[win]}
                else:
                    for iso, (field, cased, source) in isos.items():
                        self.drop("shared(%s)" % ",".join(isos), iso, field, cased)
                    continue
            (iso, (field, cased, source)), = isos.items()
            self.owner[k] = (iso, field, False)
            self.country(iso)[field].append(cased)


def classify_nationality(iso, value, hand_keys, b):
    """Upstream <Nationality> item -> 'aliases' / 'adjectives' / None (misspelling)."""
    v = value.strip().rstrip("_")
    k = norm_key(smart_case(v)) if re.fullmatch(r"[A-Za-z .'_\-]+", v or "-") else None
    if k is None:
        return "aliases"
    if k in hand_keys:
        return None             # one of our own names: nothing to add
    near = sorted((lev(k.replace(" ", ""), hk.replace(" ", "")), hk) for hk in hand_keys
                  if k != hk and close(k, hk))
    if near:
        b.drop("misspelling-of(%s)" % near[0][1], iso, "aliases", smart_case(v))
        return None
    last = k.split(" ")[-1]
    if DEMONYM_END.search(last) and not last.endswith("stan"):
        return "adjectives"
    return "aliases"


def classify_phoenix(iso, value, name_tokens):
    k = norm_key(smart_case(value)) if re.fullmatch(r"[A-Za-z .'_\-]+", value) else ""
    toks = set(k.split())
    if toks & name_tokens or re.match(r"(republic|kingdom|state|islamic|people|federal|"
                                      r"united|democratic)\b", k):
        return "aliases"
    return "places"


def main():
    if len(sys.argv) > 1:
        upstream = sys.argv[1]
    else:
        upstream = os.path.join(REPO_ROOT, DEFAULT_UPSTREAM)
    common = read_common_words(upstream)
    b = Builder(common, set(STOP))

    # 1. hand data, in field priority order over all countries
    hand = OrderedDict()
    for line in HAND.strip("\n").split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("|")]
        cols += [""] * (5 - len(cols))
        iso, name, aliases, adjs, caps = cols[:5]
        hand[iso] = {
            "name": name,
            "aliases": [a.strip() for a in aliases.split(";") if a.strip()],
            "adjectives": [a.strip() for a in adjs.split(";") if a.strip()],
            "capitals": [a.strip() for a in caps.split(";") if a.strip()],
        }
    for iso in sorted(hand):
        b.add_hand(iso, "name", hand[iso]["name"])
    for iso in sorted(hand):
        for a in hand[iso]["aliases"]:
            b.add_hand(iso, "aliases", a)
    for iso in sorted(hand):
        for a in hand[iso]["adjectives"]:
            if a.endswith("!"):
                b.add_hand(iso, "adjectives", a[:-1])
                continue
            b.add_hand(iso, "adjectives", a)
            p = plural(a)
            if p:
                b.add_hand(iso, "adjectives", p)
    for iso in sorted(hand):
        for a in hand[iso]["capitals"]:
            if a.endswith("!"):      # a capital we name here only to keep it out
                b.stop.add(norm_key(a[:-1]))
                continue
            b.add_hand(iso, "capitals", a)
    for iso in sorted(SEATS):
        for s in SEATS[iso]:
            b.add_hand(iso, "seats", s)
    for iso in sorted(PLACES):
        for p in PLACES[iso]:
            b.add_hand(iso, "places", p)

    hand_keys = defaultdict(set)
    for k, (iso, field, _) in b.owner.items():
        if field in ("name", "aliases", "adjectives"):
            hand_keys[iso].add(k)

    # 2. CountryInfo
    seen_iso = set()
    ci_nat_keys = defaultdict(set)
    for blk in read_countryinfo(upstream):
        nm = blk["name"].strip().rstrip("_")
        if nm in CI_SKIP:
            b.drop("dissolved", "ANT", "block", nm)
            continue
        part_of = CI_PART_OF.get(nm)
        iso = part_of or CI_ISO.get(nm) or blk["alpha3"]
        if not re.fullmatch(r"[A-Z]{3}", iso or ""):
            b.drop("no-iso3", "---", "block", nm)
            continue
        if iso not in hand:
            b.drop("not-in-hand-table", iso, "block", nm)
        seen_iso.add(iso)
        if part_of:
            b.add_upstream(iso, "places", nm, "ci-part")
            for tag in ("Nationality", "Capital", "MajorCities", "Regions", "GeogFeatures"):
                for item in blk[tag]:
                    b.add_upstream(iso, "places", item, "ci-part")
            continue
        b.add_upstream(iso, "aliases", nm, "ci-name")
        for item in [nm] + blk["Nationality"] + blk["Capital"]:
            ci_nat_keys[iso].add(norm_key(smart_case(item.rstrip("_"))))
        for item in blk["Nationality"]:
            field = classify_nationality(iso, item, hand_keys[iso], b)
            if field:
                b.add_upstream(iso, field, item, "ci-nationality")
        for tag in ("Capital", "MajorCities", "Regions", "GeogFeatures"):
            for item in blk[tag]:
                b.add_upstream(iso, "places", item, "ci-" + tag)

    # 3. CAMEO country table (names only; countries missing from CountryInfo come from HAND)
    for code, name in read_cameo(upstream):
        if code in CAMEO_SKIP or len(code) != 3:
            continue
        iso = CAMEO_ISO.get(code, code)
        if iso not in hand:
            continue        # regions (AFR, MEA, ...)
        seen_iso.add(iso)
        field = classify_nationality(iso, name, hand_keys[iso], b)
        if field:
            b.add_upstream(iso, "aliases", name, "cameo")

    # 4. Phoenix country blocks
    for iso, name, syns in read_phoenix(upstream):
        if iso not in hand:
            b.drop("not-in-hand-table", iso, "block", name)
            continue
        name_tokens = set(norm_key(hand[iso]["name"]).split()) - FUNCTION_WORDS
        for a in hand[iso]["adjectives"]:
            name_tokens |= set(norm_key(a.rstrip("!")).split()) - FUNCTION_WORDS
        for syn in syns:
            if not re.fullmatch(r"[A-Za-z .'_\-]+", syn):
                b.drop("bad-char", iso, "places", syn)
                continue
            k = norm_key(smart_case(syn))
            if k in b.owner or k in ci_nat_keys[iso]:
                continue        # known, or a CountryInfo name already judged above
            field = classify_phoenix(iso, syn, name_tokens)
            if field == "aliases" and any(k != hk and close(k, hk) for hk in hand_keys[iso]):
                b.drop("misspelling", iso, field, smart_case(syn))
                continue
            b.add_upstream(iso, field, syn, "phoenix")

    b.resolve_upstream()

    # 5. The India <MajorCities> list has names whose long vowels were cut out when the
    #    diacritics were removed (NGPUR next to NAGPUR, BHOPL next to BHOPAL): drop those.
    for iso, c in b.data.items():
        if iso != "IND":
            continue
        ups = [p for p in c["places"] if not b.owner[norm_key(p)][2]]
        keys = {norm_key(p): p for p in ups}
        for p in ups:
            if " " in norm_key(p):
                continue
            kp = norm_key(p)
            for q in ups:
                kq = norm_key(q)
                if len(kq) == len(kp) + 1 and lev(kp, kq) == 1 and len(kp) >= 4:
                    c["places"].remove(p)
                    b.drop("misspelling-of(%s)" % q, iso, "places", p)
                    break

    # 6. write
    missing_name = [iso for iso, c in b.data.items() if not c["name"]]
    for iso in missing_name:
        b.drop("no-hand-row", iso, "block", "")
        del b.data[iso]
    out_path = os.path.join(REPO_ROOT, OUT_PATH)
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# iso3\tname\taliases\tadjectives\tcapitals\tseats\tplaces\n")
        f.write("# Built by scripts/build_countries.py from CountryInfo (c) 2012 Philip A. Schrodt, "
                "CC BY-SA 3.0, the Phoenix country dictionary (MIT, OEDA) and the GDELT CAMEO "
                "country table, with our own additions; CC BY-SA 3.0 (see data/SOURCES.md).\n")
        for iso in sorted(b.data):
            c = b.data[iso]
            cols = [iso, c["name"]] + ["|".join(c[fl]) for fl in FIELDS[1:]]
            for col in cols:
                assert "\t" not in col and "\n" not in col, (iso, col)
            f.write("\t".join(cols) + "\n")

    # 7. report
    counts = defaultdict(int)
    for reason, iso, field, value in b.drops:
        counts[reason.split("(")[0].split("-by-")[0]] += 1
        print("DROP\t%s\t%s\t%s\t%s" % (reason, iso, field, value))
    print("SUMMARY countries=%d" % len(b.data))
    for r, n in sorted(counts.items(), key=lambda x: -x[1]):
        print("SUMMARY drop %s %d" % (r, n))
    not_in_upstream = sorted(set(b.data) - seen_iso)
    print("SUMMARY added by hand (not in CountryInfo/CAMEO): %s" % " ".join(not_in_upstream))


if __name__ == "__main__":
    main()

// koda's own stop lists for Indonesian and English.
//
// `koda words` exists to find terms for a codebook, so a stop list here has one job: take
// out the words that top every frequency list whatever the documents are about. A word is
// on a list when it is a function word in nearly all its uses: pronouns, demonstratives,
// prepositions, conjunctions, auxiliaries and modals, negations, question words,
// quantifiers and degree adverbs, particles and spoken fillers, number words, and the
// abbreviations note-takers write for them (`yg`, `dgn`). Spoken Indonesian is covered as
// well as the written standard, since transcripts are speech: `nggak`, `udah`, `aja`,
// `sih`, `kok`, `dong`, `gitu`.
//
// A word that carries content in a common use stays, even if it is frequent: `dapat`
// (can; also to receive, `dapat bantuan`), `kurang` and `perlu` (obstacle cues),
// `waktu`, `habis`, `baru`, `bapak` and `ibu` (also father and mother; `ibu-ibu` are the
// women of a group), and `blm`, which note-takers use for "belum" but which is also BLM,
// the programme's direct community grant. The clipped forms of address (`pak`, `bu`,
// `mbak`, `mas`, `mr`) are on the lists: in transcripts they head every list as the way
// informants address the interviewer and name each other, and say nothing of the topic.
// Negations (`tidak`, `belum`, `bukan`, `not`) are on the lists too: they top every list
// and say nothing about the topic; the codebook's `negation` block handles them, and
// `--stop-words none` shows their counts.
//
// A reduplication of a stop word is a stop word (`apa-apa`, `lain-lain`, `satu-satu`),
// except where doubling makes a content word of a preposition: `bagi-bagi` (handing
// out) and `buat-buat` (made up).
//
// docs/stopwords.md prints the lists group by group; a unit test checks the two agree.
// The lists are kept as groups here too, so that a reviewer reads them as the document
// does.

#include "koda/text/stopwords.hpp"

#include <algorithm>
#include <span>
#include <string>
#include <unordered_set>

namespace koda::text {
namespace {

using Group = std::span<const std::string_view>;

// Indonesian.
constexpr std::string_view k_id_pronouns[] = {
    "aku",    "saya",   "kamu", "engkau", "kau", "anda", "dia", "ia",  "beliau", "kami",   "kita",
    "kalian", "mereka", "gue",  "gua",    "gw",  "lu",   "lo",  "elo", "nya",    "sendiri"};
constexpr std::string_view k_id_demonstratives[] = {"ini",    "itu",  "tersebut", "begini",
                                                    "begitu", "gini", "gitu",     "sini",
                                                    "situ",   "sana", "tuh",      "nih"};
constexpr std::string_view k_id_prepositions[] = {
    "di",     "ke",    "dari",   "daripada", "pada",    "kepada",  "dalam",    "untuk",
    "bagi",   "buat",  "dengan", "sama",     "oleh",    "tentang", "mengenai", "terhadap",
    "antara", "sejak", "sampai", "hingga",   "menurut", "seperti", "kayak",    "sebagai",
    "atas",   "tanpa", "per",    "sekitar",  "selama"};
constexpr std::string_view k_id_conjunctions[] = {
    "dan",      "atau",     "tetapi",  "tapi",      "namun",     "serta",    "lalu",
    "kemudian", "terus",    "trus",    "karena",    "karna",     "sebab",    "soalnya",
    "makanya",  "jika",     "kalau",   "kalo",      "bila",      "apabila",  "jadi",
    "maka",     "sehingga", "agar",    "supaya",    "biar",      "meskipun", "meski",
    "walaupun", "walau",    "padahal", "sedangkan", "sementara", "bahwa",    "yaitu",
    "yakni",    "ketika",   "saat",    "sambil",    "setelah",   "sesudah",  "sebelum"};
constexpr std::string_view k_id_auxiliaries[] = {
    "yang",   "adalah", "ialah", "merupakan", "ada",   "akan",  "bakal",
    "sedang", "lagi",   "sudah", "udah",      "dah",   "telah", "pernah",
    "masih",  "bisa",   "boleh", "harus",     "mesti", "mau",   "punya"};
constexpr std::string_view k_id_negations[] = {
    "tidak", "tak", "bukan", "belum", "jangan", "nggak", "ngga", "enggak", "gak", "ga", "ndak"};
constexpr std::string_view k_id_questions[] = {"apa",    "apakah",  "siapa",  "mana",
                                               "kapan",  "mengapa", "kenapa", "bagaimana",
                                               "gimana", "berapa"};
constexpr std::string_view k_id_quantity[] = {
    "sangat",  "sekali",   "amat",          "banget", "paling",   "lebih",
    "agak",    "terlalu",  "hanya",         "cuma",   "saja",     "aja",
    "juga",    "pula",     "pun",           "semua",  "semuanya", "setiap",
    "tiap",    "para",     "beberapa",      "banyak", "sedikit",  "segala",
    "seluruh", "sebagian", "masing-masing", "lain",   "lainnya",  "benar-benar"};
constexpr std::string_view k_id_time[] = {"sekarang", "kini", "dulu", "dahulu", "nanti", "tadi"};
constexpr std::string_view k_id_particles[] = {
    "ya",  "iya", "yah", "kan", "sih", "kok", "dong", "deh", "nah", "lah", "kah", "toh", "lho",
    "loh", "wah", "eh",  "oh",  "ah",  "hmm", "hm",   "ehm", "em",  "mm",  "oke", "ok"};
constexpr std::string_view k_id_markers[] = {"memang", "emang", "mungkin", "misalnya", "pokoknya",
                                             "si",     "sang",  "hal",     "secara"};
constexpr std::string_view k_id_address[] = {"pak", "bu",   "mbak", "mba",
                                             "mas", "bang", "dik",  "kak"};
constexpr std::string_view k_id_numbers[] = {
    "nol",     "satu",     "dua",     "tiga",    "empat",   "lima",  "enam",    "tujuh",
    "delapan", "sembilan", "sepuluh", "sebelas", "belas",   "puluh", "seratus", "ratus",
    "seribu",  "ribu",     "juta",    "miliar",  "pertama", "kedua", "ketiga"};
constexpr std::string_view k_id_abbreviations[] = {"yg",  "dgn", "utk", "tdk", "sdh",
                                                   "krn", "jg",  "dll", "dsb", "dst"};

constexpr Group k_indonesian[] = {
    k_id_pronouns,  k_id_demonstratives, k_id_prepositions, k_id_conjunctions, k_id_auxiliaries,
    k_id_negations, k_id_questions,      k_id_quantity,     k_id_time,         k_id_particles,
    k_id_markers,   k_id_address,        k_id_numbers,      k_id_abbreviations};

// English.
constexpr std::string_view k_en_determiners[] = {
    "a",     "an",   "the",  "this",   "that",    "these", "those",   "some",   "any", "each",
    "every", "all",  "both", "either", "neither", "other", "another", "such",   "own", "same",
    "few",   "many", "much", "more",   "most",    "less",  "least",   "several"};
constexpr std::string_view k_en_pronouns[] = {
    "i",        "me",         "my",   "mine", "myself", "you",     "your",      "yours",
    "yourself", "yourselves", "he",   "him",  "his",    "himself", "she",       "her",
    "hers",     "herself",    "it",   "its",  "itself", "we",      "us",        "our",
    "ours",     "ourselves",  "they", "them", "their",  "theirs",  "themselves"};
constexpr std::string_view k_en_questions[] = {"what", "which", "who", "whom", "whose",
                                               "when", "where", "why", "how"};
constexpr std::string_view k_en_prepositions[] = {
    "about",   "above",      "across", "after",  "against", "along",  "among", "around",
    "at",      "before",     "behind", "below",  "between", "beyond", "by",    "down",
    "during",  "except",     "for",    "from",   "in",      "inside", "into",  "of",
    "off",     "on",         "onto",   "out",    "outside", "over",   "per",   "since",
    "through", "throughout", "to",     "toward", "towards", "under",  "until", "up",
    "upon",    "via",        "with",   "within", "without"};
constexpr std::string_view k_en_conjunctions[] = {
    "and",      "or",     "but",   "nor",     "so",      "yet",  "because", "if",   "unless",
    "although", "though", "while", "whereas", "whether", "than", "then",    "once", "as"};
constexpr std::string_view k_en_auxiliaries[] = {
    "am",    "is",     "are",    "was",   "were", "be",    "been",  "being", "have",
    "has",   "had",    "having", "do",    "does", "did",   "doing", "will",  "would",
    "shall", "should", "can",    "could", "may",  "might", "must",  "ought"};
constexpr std::string_view k_en_negations[] = {"not", "no", "never", "cannot"};
constexpr std::string_view k_en_contractions[] = {
    "i'm",      "i've",   "i'd",       "i'll",    "you're",   "you've", "you'd",   "you'll",
    "he's",     "he'd",   "he'll",     "she's",   "she'd",    "she'll", "it's",    "we're",
    "we've",    "we'd",   "we'll",     "they're", "they've",  "they'd", "they'll", "that's",
    "there's",  "here's", "what's",    "who's",   "let's",    "isn't",  "aren't",  "wasn't",
    "weren't",  "hasn't", "haven't",   "hadn't",  "doesn't",  "don't",  "didn't",  "won't",
    "wouldn't", "shan't", "shouldn't", "can't",   "couldn't", "mustn't"};
constexpr std::string_view k_en_adverbs[] = {
    "very", "too",   "just", "only",  "also",    "really", "quite", "rather",  "again", "further",
    "here", "there", "now",  "still", "already", "even",   "ever",  "perhaps", "maybe", "etc"};
constexpr std::string_view k_en_fillers[] = {"yes", "yeah", "okay", "ok",  "oh",  "ah",
                                             "um",  "uh",   "er",   "erm", "hmm", "mm"};
constexpr std::string_view k_en_address[] = {"mr", "mrs", "ms"};
constexpr std::string_view k_en_numbers[] = {
    "zero", "one", "two",     "three",    "four",    "five",  "six",    "seven", "eight",
    "nine", "ten", "hundred", "thousand", "million", "first", "second", "third"};

constexpr Group k_english[] = {k_en_determiners,  k_en_pronouns,     k_en_questions,
                               k_en_prepositions, k_en_conjunctions, k_en_auxiliaries,
                               k_en_negations,    k_en_contractions, k_en_adverbs,
                               k_en_fillers,      k_en_address,      k_en_numbers};

// Stop words whose reduplication is a content word.
constexpr std::string_view k_doubled_content[] = {"bagi", "buat"};

std::span<const Group> groups_of(StopList language) {
  return language == StopList::indonesian ? std::span<const Group>(k_indonesian)
                                          : std::span<const Group>(k_english);
}

using WordSet = std::unordered_set<std::string_view>;

WordSet make_set(StopList language) {
  WordSet set;
  for (Group group : groups_of(language))
    set.insert(group.begin(), group.end());
  return set;
}

const WordSet& set_of(StopList language) {
  static const WordSet indonesian = make_set(StopList::indonesian);
  static const WordSet english = make_set(StopList::english);
  return language == StopList::indonesian ? indonesian : english;
}

constexpr std::string_view k_typographic_apostrophe = "\u2019";

// `word` with each typographic apostrophe replaced by `'`. (Built by appending:
// std::string::replace trips GCC 12's -Wrestrict false positive in Release builds.)
std::string plain_apostrophes(std::string_view word) {
  std::string plain;
  plain.reserve(word.size());
  while (!word.empty()) {
    const std::size_t at = word.find(k_typographic_apostrophe);
    plain.append(word.substr(0, at));
    if (at == std::string_view::npos)
      break;
    plain.push_back('\'');
    word.remove_prefix(at + k_typographic_apostrophe.size());
  }
  return plain;
}

// The repeated half of a reduplication `X-X` (or `X-X-X`), or empty.
std::string_view reduplicated_half(std::string_view word) {
  std::size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos || hyphen == 0)
    return {};
  std::string_view half = word.substr(0, hyphen);
  for (std::size_t at = hyphen; at < word.size(); at += half.size() + 1)
    if (word[at] != '-' || word.substr(at + 1, half.size()) != half ||
        (at + 1 + half.size() != word.size() && word[at + 1 + half.size()] != '-'))
      return {};
  return half;
}

} // namespace

bool is_stopword(std::string_view folded, StopList language) {
  const WordSet& set = set_of(language);
  if (folded.find(k_typographic_apostrophe) != std::string_view::npos)
    return set.contains(plain_apostrophes(folded));
  if (set.contains(folded))
    return true;
  std::string_view half = reduplicated_half(folded);
  return !half.empty() && set.contains(half) &&
         std::find(std::begin(k_doubled_content), std::end(k_doubled_content), half) ==
             std::end(k_doubled_content);
}

std::vector<std::string_view> stopwords(StopList language) {
  std::vector<std::string_view> words;
  for (Group group : groups_of(language))
    words.insert(words.end(), group.begin(), group.end());
  std::sort(words.begin(), words.end());
  return words;
}

std::optional<StopList> parse_stop_list(std::string_view name) {
  if (name == "id" || name == "indonesian")
    return StopList::indonesian;
  if (name == "en" || name == "english")
    return StopList::english;
  return std::nullopt;
}

std::string_view to_string(StopList language) {
  return language == StopList::indonesian ? "id" : "en";
}

} // namespace koda::text

// Word and stem frequencies.
//
// What is counted: the word tokens (ICU word segmentation, reduplications joined) of every
// unit, so front matter, headings and the attendance list of minutes are not counted, and
// neither are interviewer turns unless asked: a question put to an informant is not what
// the informant said, and counting it would make the interview guide's words look like
// findings. Each token is case-folded; the key is that folded form, or its stem.
//
// Stop words are looked up on the folded word, before stemming. The lists are lists of
// words, and stemming function words gives stems that collide with content words
// (`menurut` → `turut`, `terhadap` → `hadap`, `sebagai` → `bagai`), so a stop list of
// stems would either miss function words or remove content. Tokens without a letter
// (`2008`, `1.500.000`, `05`) are not words a codebook would match and are skipped
// unless asked for; `P2KP` and `Rp2.500.000` have letters and stay.
//
// Languages: a corpus may mix them (the samples hold English interviews next to
// Indonesian ones), and a stemmer reads every word as its own language's: the Indonesian
// one strips the "prefix" of `people` and leaves `ople`. So with stems a document is
// stemmed in the language its front matter names (`language: en`), and in `--lang`
// otherwise; equal stems from two languages are one row.
//
// Speed: stemming is the one costly step, and a corpus has few distinct spellings next
// to its tokens, so each thread caches spelling → form id and stems each distinct folded
// form once. Most tokens then cost one hash probe and three increments.
//
// Determinism: each thread tallies the documents it takes; the totals are sums of
// integers, so merging the threads' tallies gives the same numbers in any order. A word
// counts once per document for document frequency (a stamp per document, not per unit).
// Rows are then sorted by a total order: count, most first, then the word bytewise.

#include "koda/analysis/words.hpp"

#include "koda/error.hpp"
#include "koda/text/segment.hpp"
#include "koda/text/stem.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <thread>
#include <unordered_map>

namespace koda::analysis {
namespace {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

constexpr std::int32_t k_skipped = -1;

// Whether `token` holds a letter (Unicode Alphabetic), that is, is not a number.
bool has_letter(std::string_view token) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(token.data());
  const auto length = static_cast<int32_t>(token.size());
  for (int32_t i = 0; i < length;) {
    if (bytes[i] < 0x80) {
      const char c = static_cast<char>(bytes[i++] | 0x20);
      if (c >= 'a' && c <= 'z')
        return true;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isalpha(c))
      return true;
  }
  return false;
}

// A folded word form and how often it occurred.
struct FormCount {
  std::string form;
  std::int32_t key = 0; // index into Tally::m_keys
  std::uint64_t count = 0;
};

// A key (form or stem), its occurrences and the documents it occurred in.
struct KeyCount {
  std::string key;
  std::uint64_t count = 0;
  std::uint64_t documents = 0;
  std::uint64_t last_document = 0; // stamp of the last document counted
};

// What stemming in one language needs in one thread: the stemmer and its caches. The
// caches are per language because the same spelling stems differently in two languages.
struct Language {
  explicit Language(const std::string& name) : stemmer(name) {}
  text::Stemmer stemmer;
  StringMap<std::int32_t> surfaces; // spelling as written → form id or k_skipped
  StringMap<std::int32_t> form_ids; // folded form → form id
};

// The counts of the documents one thread takes, with that thread's segmenter, stemmers and
// caches.
class Tally {
public:
  explicit Tally(const WordsOptions& options) : m_options(options) {}

  // Counts the tokens of the units of `doc`, stemmed in `language` ("none" without stems).
  void add(const corpus::Document& doc, const std::string& language) {
    ++m_document;
    m_language = &language_of(language);
    for (const corpus::Unit& unit : doc.units) {
      if (unit.interviewer && !m_options.include_interviewer)
        continue;
      const std::string_view text = doc.unit_text(unit);
      for (const text::Span& span : m_segmenter.words(text))
        count(text.substr(span.start, span.end - span.start));
    }
  }

  const std::vector<FormCount>& forms() const { return m_forms; }
  const std::vector<KeyCount>& keys() const { return m_keys; }
  std::uint64_t tokens() const { return m_tokens; }

private:
  Language& language_of(const std::string& name) {
    auto it = m_languages.find(name);
    if (it == m_languages.end())
      it = m_languages.emplace(name, std::make_unique<Language>(name)).first;
    return *it->second;
  }

  void count(std::string_view surface) {
    const std::int32_t form = form_of(surface);
    if (form == k_skipped)
      return;
    FormCount& form_count = m_forms[static_cast<std::size_t>(form)];
    ++form_count.count;
    KeyCount& key_count = m_keys[static_cast<std::size_t>(form_count.key)];
    ++key_count.count;
    if (key_count.last_document != m_document) {
      key_count.last_document = m_document;
      ++key_count.documents;
    }
    ++m_tokens;
  }

  // The form id of `surface`, or k_skipped for a stop word or a number; cached.
  std::int32_t form_of(std::string_view surface) {
    if (auto it = m_language->surfaces.find(surface); it != m_language->surfaces.end())
      return it->second;
    std::string folded = text::fold_case(surface);
    const std::int32_t id = is_counted(folded) ? intern_form(std::move(folded)) : k_skipped;
    m_language->surfaces.emplace(std::string(surface), id);
    return id;
  }

  bool is_counted(std::string_view folded) const {
    if (!m_options.numbers && !has_letter(folded))
      return false;
    return std::none_of(m_options.stop_lists.begin(), m_options.stop_lists.end(),
                        [&](text::StopList list) { return text::is_stopword(folded, list); });
  }

  std::int32_t intern_form(std::string folded) {
    StringMap<std::int32_t>& form_ids = m_language->form_ids;
    if (auto it = form_ids.find(folded); it != form_ids.end())
      return it->second;
    const auto id = static_cast<std::int32_t>(m_forms.size());
    m_forms.push_back({folded, intern_key(std::string(m_language->stemmer.stem(folded))), 0});
    form_ids.emplace(std::move(folded), id);
    return id;
  }

  std::int32_t intern_key(std::string key) {
    if (auto it = m_key_ids.find(key); it != m_key_ids.end())
      return it->second;
    const auto id = static_cast<std::int32_t>(m_keys.size());
    m_keys.push_back({key, 0, 0, 0});
    m_key_ids.emplace(std::move(key), id);
    return id;
  }

  const WordsOptions& m_options;
  text::WordSegmenter m_segmenter;
  std::map<std::string, std::unique_ptr<Language>, std::less<>> m_languages;
  Language* m_language = nullptr;    // the language of the document being counted
  StringMap<std::int32_t> m_key_ids; // key → key id
  std::vector<FormCount> m_forms;
  std::vector<KeyCount> m_keys;
  std::uint64_t m_document = 0;
  std::uint64_t m_tokens = 0;
};

// Runs `tallies[t]` over the documents thread t takes from a shared queue; document i is
// stemmed in `languages[i]`.
void tally_in_parallel(std::span<const corpus::Document> documents,
                       const std::vector<std::string>& languages, std::vector<Tally>& tallies) {
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failures(tallies.size());
  auto work = [&](std::size_t t) {
    try {
      for (std::size_t i = next++; i < documents.size(); i = next++)
        tallies[t].add(documents[i], languages[i]);
    } catch (...) {
      failures[t] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < tallies.size(); ++t)
    pool.emplace_back(work, t);
  work(0);
  for (std::thread& thread : pool)
    thread.join();
  for (const std::exception_ptr& failure : failures)
    if (failure)
      std::rethrow_exception(failure);
}

std::string ascii_lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c | 0x20);
  return lower;
}

// The language `doc` is stemmed in: none without stems; else its `language` (or `lang`)
// attribute when the stemmer knows it — as written, lowercased, or its primary subtag
// (`en-US` → `en`) — else `options.language`, with a warning in `warnings` when the
// attribute names something else.
std::string stemming_language(const corpus::Document& doc, const WordsOptions& options,
                              std::vector<std::string>& warnings) {
  if (!options.stem)
    return "none";
  auto attribute = doc.attributes.find("language");
  if (attribute == doc.attributes.end())
    attribute = doc.attributes.find("lang");
  if (attribute == doc.attributes.end() || attribute->second.empty())
    return options.language;
  const std::string& value = attribute->second;
  const std::string lower = ascii_lowercase(value);
  for (const std::string& name : {value, lower, lower.substr(0, lower.find_first_of("-_"))})
    if (text::Stemmer::is_known(name))
      return name;
  warnings.push_back(fmt::format("{}: {} '{}' is not a language koda can stem; stemmed as {}",
                                 doc.path, attribute->first, value, options.language));
  return options.language;
}

struct Total {
  std::uint64_t count = 0;
  std::uint64_t documents = 0;
};

// The rows of the table: every key passing the minimums, sorted, cut to `top`.
std::vector<WordFrequency> rows_of(const StringMap<Total>& totals, const WordsOptions& options) {
  std::vector<WordFrequency> rows;
  for (const auto& [key, total] : totals)
    if (total.count >= options.min_count && total.documents >= options.min_docs)
      rows.push_back({key, total.count, total.documents, {}});
  std::sort(rows.begin(), rows.end(), [](const WordFrequency& a, const WordFrequency& b) {
    return a.count != b.count ? a.count > b.count : a.word < b.word;
  });
  if (options.top != 0 && rows.size() > options.top)
    rows.resize(options.top);
  return rows;
}

// Fills each row's most frequent word forms from the forms of every tally.
void add_forms(std::vector<WordFrequency>& rows, const std::vector<Tally>& tallies,
               std::size_t shown) {
  StringMap<std::size_t> row_of;
  for (std::size_t i = 0; i < rows.size(); ++i)
    row_of.emplace(rows[i].word, i);
  std::vector<StringMap<std::uint64_t>> forms(rows.size());
  for (const Tally& tally : tallies)
    for (const FormCount& form : tally.forms())
      if (auto it = row_of.find(tally.keys()[static_cast<std::size_t>(form.key)].key);
          it != row_of.end())
        forms[it->second][form.form] += form.count;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::vector<std::pair<std::string, std::uint64_t>> sorted(forms[i].begin(), forms[i].end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    for (std::size_t f = 0; f < sorted.size() && f < shown; ++f)
      rows[i].forms.push_back(std::move(sorted[f].first));
  }
}

} // namespace

WordTable count_words(std::span<const corpus::Document> documents, const WordsOptions& options) {
  if (!text::Stemmer::is_known(options.language))
    (void)text::Stemmer{options.language}; // throws koda::Error naming the accepted languages

  const std::size_t threads =
      std::clamp<std::size_t>(documents.size(), 1, std::max(1u, options.jobs));
  std::vector<Tally> tallies;
  tallies.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t)
    tallies.emplace_back(options);
  WordTable table;
  std::vector<std::string> languages;
  for (const corpus::Document& doc : documents)
    languages.push_back(stemming_language(doc, options, table.warnings));
  tally_in_parallel(documents, languages, tallies);

  table.documents = documents.size();
  StringMap<Total> totals;
  for (const Tally& tally : tallies) {
    table.tokens += tally.tokens();
    for (const KeyCount& key : tally.keys()) {
      Total& total = totals[key.key];
      total.count += key.count;
      total.documents += key.documents;
    }
  }
  table.distinct = totals.size();
  table.words = rows_of(totals, options);
  if (options.stem)
    add_forms(table.words, tallies, options.forms);
  return table;
}

} // namespace koda::analysis

// Building the obstacle / support summary while coded documents stream past.
//
// The counts are not computed here: each coded unit is handed, with the same filtered
// codes and valences, to a FreqCounter, exactly as `koda freq` does. So the summary's
// obstacle units, support units, documents and informants are `koda freq
// --valence-columns`'s numbers, with the same roll-up (a unit counts once per parent; an
// obstacle anywhere below makes it an obstacle for the parent) — a researcher can check any
// number of a summary against the frequency table and, through it, against `koda code`.
//
// What the counter does not keep is collected beside it, per unit, in bounded memory:
// the folded surface forms that triggered each factor (a count per distinct form), the
// best few quote candidates (summary_quotes.cpp), and for stage codes the earliest date
// seen. The document text is gone once `add` returns, so a quote's text is cut out while
// its document is at hand — but only when the candidate would be kept.

#include "koda/analysis/summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace koda::analysis {
namespace {

constexpr std::size_t k_max_terms = 5;

std::vector<FreqCode> flatten(const std::vector<SummaryCodebook>& codebooks) {
  std::vector<FreqCode> codes;
  for (const SummaryCodebook& codebook : codebooks) {
    const auto base = static_cast<std::ptrdiff_t>(codes.size());
    for (FreqCode code : codebook.codes) {
      if (code.parent >= 0)
        code.parent += base;
      codes.push_back(std::move(code));
    }
  }
  return codes;
}

std::vector<std::size_t> offsets(const std::vector<SummaryCodebook>& codebooks) {
  std::vector<std::size_t> out;
  std::size_t next = 0;
  for (const SummaryCodebook& codebook : codebooks) {
    out.push_back(next);
    next += codebook.codes.size();
  }
  return out;
}

// Co-occurrence on top-level codes: the factor × factor matrix the summary shows.
FreqOptions counting_options() {
  FreqOptions options;
  options.depth = 0;
  return options;
}

int severity(coding::Valence valence) {
  return valence == coding::Valence::obstacle ? 2 : valence == coding::Valence::support ? 1 : 0;
}

// Whether `path` is `selected`, below it, or above it (so that `--code sumberdaya/sdm`
// keeps the `sumberdaya` factor that holds it).
bool related(const std::string& path, const std::string& selected) {
  auto below = [](const std::string& a, const std::string& b) {
    return a.size() > b.size() && a.compare(0, b.size(), b) == 0 && a[b.size()] == '/';
  };
  return path == selected || below(path, selected) || below(selected, path);
}

std::size_t count_chars(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// A matched surface form as a term: case-folded, white space squeezed (a phrase may span
// a line break).
std::string term_of(std::string_view surface) {
  std::string folded = text::fold_case(surface);
  std::string out;
  for (char c : folded) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' '))
      continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

// The month a name (folded to ASCII lower case) means, Indonesian or English, full or
// abbreviated; 0 when it is not a month.
int month_number(std::string_view name) {
  static const std::pair<std::string_view, int> k_months[] = {
      {"januari", 1},   {"january", 1}, {"jan", 1},       {"februari", 2}, {"pebruari", 2},
      {"february", 2},  {"feb", 2},     {"maret", 3},     {"march", 3},    {"mar", 3},
      {"april", 4},     {"apr", 4},     {"mei", 5},       {"may", 5},      {"juni", 6},
      {"june", 6},      {"jun", 6},     {"juli", 7},      {"july", 7},     {"jul", 7},
      {"agustus", 8},   {"august", 8},  {"agu", 8},       {"agt", 8},      {"aug", 8},
      {"september", 9}, {"sept", 9},    {"sep", 9},       {"oktober", 10}, {"october", 10},
      {"okt", 10},      {"oct", 10},    {"november", 11}, {"nov", 11},     {"desember", 12},
      {"december", 12}, {"des", 12},    {"dec", 12}};
  for (const auto& [month, number] : k_months)
    if (name == month)
      return number;
  return 0;
}

// Reads a run of ASCII digits at `pos` as a number; nullopt without digits.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t max_digits) {
  std::size_t start = pos;
  int value = 0;
  while (pos < text.size() && pos - start < max_digits && text[pos] >= '0' && text[pos] <= '9')
    value = value * 10 + (text[pos++] - '0');
  if (pos == start)
    return std::nullopt;
  return value;
}

// Skips a leading `[`, labels such as `Tanggal:` or `Hari/Tanggal:`, and a weekday
// followed by a comma (`Sabtu,`).
std::string_view skip_date_preamble(std::string_view text) {
  auto trim = [](std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '[' || t.front() == '\t'))
      t.remove_prefix(1);
    return t;
  };
  text = trim(text);
  for (char stop : {':', ','}) {
    std::size_t i = 0;
    while (i < text.size() && (std::isalpha(static_cast<unsigned char>(text[i])) || text[i] == '/'))
      ++i;
    if (i > 0 && i < text.size() && text[i] == stop)
      text = trim(text.substr(i + 1));
  }
  return text;
}

// The date of a document: its `date` attribute, else a meeting date line of minutes
// (`meeting.hari_tanggal`, `meeting.tanggal`, `meeting.date`, …).
std::string document_date(const corpus::Document& doc) {
  if (auto it = doc.attributes.find("date"); it != doc.attributes.end())
    if (auto date = iso_date(it->second))
      return *date;
  for (const auto& [key, value] : doc.attributes)
    if (key.starts_with("meeting.") &&
        (key.find("tanggal") != std::string::npos || key.find("date") != std::string::npos))
      if (auto date = iso_date(value))
        return *date;
  return {};
}

// Ranking order: obstacle units, then informants, then documents, all most first; equal
// factors keep codebook order (the sort is stable).
bool ranks_before(const SummaryFactor& a, const SummaryFactor& b) {
  if (a.obstacle_units != b.obstacle_units)
    return a.obstacle_units > b.obstacle_units;
  if (a.informants != b.informants)
    return a.informants > b.informants;
  return a.documents > b.documents;
}

} // namespace

std::optional<std::string> iso_date(std::string_view text) {
  text = skip_date_preamble(text);
  std::size_t pos = 0;
  const std::optional<int> first = read_number(text, pos, 4);
  if (!first)
    return std::nullopt;
  int year = 0, month = 0, day = 0;
  auto number_after = [&](char separator, std::size_t digits) -> std::optional<int> {
    if (pos >= text.size() || text[pos] != separator)
      return std::nullopt;
    ++pos;
    return read_number(text, pos, digits);
  };
  if (pos == 4) { // 2008-04-10
    auto m = number_after('-', 2);
    auto d = m ? number_after('-', 2) : std::nullopt;
    if (!d)
      return std::nullopt;
    year = *first, month = *m, day = *d;
  } else if (pos <= 2 && pos < text.size() && text[pos] == '/') { // 10/04/2008
    auto m = number_after('/', 2);
    auto y = m ? number_after('/', 4) : std::nullopt;
    if (!y || *y < 1000)
      return std::nullopt;
    year = *y, month = *m, day = *first;
  } else if (pos <= 2) { // 15 Maret 2008
    while (pos < text.size() && text[pos] == ' ')
      ++pos;
    std::string name;
    while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos])))
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(text[pos++])));
    month = month_number(name);
    if (pos < text.size() && text[pos] == '.')
      ++pos; // `Jan.`
    while (pos < text.size() && text[pos] == ' ')
      ++pos;
    std::size_t year_start = pos;
    auto y = read_number(text, pos, 4);
    if (!y || pos - year_start != 4)
      return std::nullopt;
    year = *y, day = *first;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || year == 0)
    return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::optional<SummaryLanguage> parse_summary_language(std::string_view name) {
  if (name == "id" || name == "indonesian")
    return SummaryLanguage::id;
  if (name == "en" || name == "english")
    return SummaryLanguage::en;
  return std::nullopt;
}

std::string_view to_string(SummaryLanguage language) {
  return language == SummaryLanguage::id ? "id" : "en";
}

SummaryBuilder::SummaryBuilder(std::vector<SummaryCodebook> codebooks, SummaryOptions options)
    : m_codes(flatten(codebooks)), m_offsets(offsets(codebooks)),
      m_factor_codes(codebooks.empty() ? 0 : codebooks.front().codes.size()),
      m_title(codebooks.empty() ? std::string() : codebooks.front().title),
      m_options(std::move(options)), m_counter(m_codes, counting_options()),
      m_factors(m_factor_codes), m_first_dates(m_codes.size() - m_factor_codes) {}

void SummaryBuilder::add(const coding::CodedDocument& coded) {
  const corpus::Document& doc = coded.document;
  if (!m_options.filter.accepts_document(doc))
    return;
  const std::size_t document = m_documents++;
  for (const corpus::Unit& unit : doc.units)
    if (std::string_view informant = informant_of(doc, unit); !informant.empty())
      m_informants.emplace(informant);
  m_document_date = document_date(doc);
  // The filtered codings of every codebook, grouped by unit as `koda freq` groups them.
  filtered_codings(coded, m_options.filter, m_codes, m_offsets, m_hits);
  for_each_unit(m_hits, [&](std::span<const RunCoding> hits) { add_unit(doc, document, hits); });
}

void SummaryBuilder::add_unit(const corpus::Document& doc, std::size_t document,
                              std::span<const RunCoding> hits) {
  const corpus::Unit& unit = doc.units[hits.front().unit];
  const std::string_view informant = informant_of(doc, unit);
  m_unit_codes.clear();
  for (const RunCoding& hit : hits)
    m_unit_codes.push_back({hit.code, hit.coding->valence});
  CodedUnit counted;
  counted.document = document;
  counted.document_name = doc.path;
  counted.kind = doc.kind;
  counted.speaker = unit.speaker;
  counted.informant = informant;
  counted.codes = m_unit_codes;
  m_counter.add(counted);
  ++m_sequence;
  const std::vector<std::size_t> factors = touched(hits, Part::factors);
  note_terms(doc, hits, factors);
  // Quotes are told apart by informant, or by document where a unit has none.
  note_quotes(doc, unit, informant.empty() ? "\x1f" + doc.path : std::string(informant), hits,
              factors);
  note_dates(doc, unit, hits);
}

bool SummaryBuilder::under(std::size_t code, std::size_t ancestor) const {
  for (auto a = static_cast<std::ptrdiff_t>(code); a >= 0;
       a = m_codes[static_cast<std::size_t>(a)].parent)
    if (static_cast<std::size_t>(a) == ancestor)
      return true;
  return false;
}

std::vector<std::size_t> SummaryBuilder::touched(std::span<const RunCoding> hits, Part part) const {
  std::vector<std::size_t> codes;
  for (const RunCoding& hit : hits) {
    if ((hit.code < m_factor_codes) != (part == Part::factors))
      continue;
    for (auto a = static_cast<std::ptrdiff_t>(hit.code); a >= 0;
         a = m_codes[static_cast<std::size_t>(a)].parent)
      codes.push_back(static_cast<std::size_t>(a));
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

void SummaryBuilder::note_terms(const corpus::Document& doc, std::span<const RunCoding> hits,
                                const std::vector<std::size_t>& factors) {
  for (std::size_t code : factors) {
    std::vector<std::string> terms;
    for (const RunCoding& hit : hits)
      if (under(hit.code, code))
        for (const text::Span& span : hit.coding->matched)
          terms.push_back(
              term_of(std::string_view(doc.text).substr(span.start, span.end - span.start)));
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    for (std::string& term : terms)
      ++m_factors[code].terms[std::move(term)];
  }
}

void SummaryBuilder::note_quotes(const corpus::Document& doc, const corpus::Unit& unit,
                                 const std::string& source, std::span<const RunCoding> hits,
                                 const std::vector<std::size_t>& factors) {
  std::vector<text::Span> sentences;
  bool segmented = false;
  for (std::size_t code : factors) {
    // The unit's valence for the code, rolled up as FreqCounter rolls it up.
    coding::Valence valence = coding::Valence::neutral;
    for (const RunCoding& hit : hits)
      if (under(hit.code, code) && severity(hit.coding->valence) > severity(valence))
        valence = hit.coding->valence;
    if (valence == coding::Valence::neutral)
      continue;
    QuoteSelector& selector = valence == coding::Valence::obstacle ? m_factors[code].obstacle_quotes
                                                                   : m_factors[code].support_quotes;
    if (!segmented) {
      sentences = m_segmenter.sentences(doc.unit_text(unit));
      for (text::Span& s : sentences)
        s = {s.start + unit.start, s.end + unit.start};
      segmented = true;
    }
    // The best sentence among the codings that gave the unit its valence.
    std::optional<QuoteSentence> best;
    QuoteRank rank;
    for (const RunCoding& hit : hits) {
      if (!under(hit.code, code) || hit.coding->valence != valence)
        continue;
      const QuoteSentence candidate = quote_sentence(sentences, *hit.coding);
      const std::string_view text = std::string_view(doc.text).substr(
          candidate.sentence.start, candidate.sentence.end - candidate.sentence.start);
      const QuoteRank candidate_rank{candidate.fit, count_chars(text), m_sequence};
      if (!best || candidate_rank < rank) {
        best = candidate;
        rank = candidate_rank;
      }
    }
    if (best && selector.wants(source, rank))
      selector.offer(source, rank, make_quote(doc, unit, *best, valence));
  }
}

SummaryQuote SummaryBuilder::make_quote(const corpus::Document& doc, const corpus::Unit& unit,
                                        const QuoteSentence& sentence,
                                        coding::Valence valence) const {
  const std::string_view text = doc.text;
  SummaryQuote quote;
  quote.doc = doc.path;
  quote.line =
      unit.line + static_cast<std::size_t>(std::count(
                      text.begin() + static_cast<std::ptrdiff_t>(unit.start),
                      text.begin() + static_cast<std::ptrdiff_t>(sentence.sentence.start), '\n'));
  quote.speaker = unit.speaker;
  const corpus::Attributes attributes = coding::unit_attributes(doc, unit);
  if (auto it = attributes.find("role"); it != attributes.end())
    quote.role = it->second;
  quote.valence = valence;
  const text::Span s = sentence.sentence;
  quote.text = trim_quote(text.substr(s.start, s.end - s.start),
                          {sentence.focus.start - s.start, sentence.focus.end - s.start});
  return quote;
}

void SummaryBuilder::note_dates(const corpus::Document& doc, const corpus::Unit& unit,
                                std::span<const RunCoding> hits) {
  // An observation entry's own date (its heading) is more precise than the document's.
  std::string date = m_document_date;
  if (doc.kind == corpus::Kind::observation)
    if (auto entry = iso_date(unit.section))
      date = *entry;
  if (date.empty())
    return;
  for (std::size_t code : touched(hits, Part::stages)) {
    std::string& first = m_first_dates[code - m_factor_codes];
    if (first.empty() || date < first)
      first = date;
  }
}

bool SummaryBuilder::kept(std::size_t code) const {
  const std::vector<std::string>& selected = m_options.filter.codes;
  return selected.empty() ||
         std::any_of(selected.begin(), selected.end(),
                     [&](const std::string& path) { return related(m_codes[code].path, path); });
}

SummaryFactor SummaryBuilder::factor(std::size_t code,
                                     const std::vector<FreqCounts>& counts) const {
  SummaryFactor f;
  f.code = m_codes[code].path;
  f.label = m_codes[code].label;
  f.units = counts[code].units;
  f.obstacle_units = counts[code].obstacle;
  f.support_units = counts[code].support;
  f.documents = counts[code].documents;
  f.informants = counts[code].informants;
  const FactorState& state = m_factors[code];
  for (const auto& [term, units] : state.terms)
    f.terms.push_back({term, units});
  std::stable_sort(f.terms.begin(), f.terms.end(),
                   [](const SummaryTerm& a, const SummaryTerm& b) { return a.units > b.units; });
  if (f.terms.size() > k_max_terms)
    f.terms.resize(k_max_terms);
  f.quotes = state.obstacle_quotes.quotes();
  for (SummaryQuote& quote : state.support_quotes.quotes())
    f.quotes.push_back(std::move(quote));
  f.children = ranked(static_cast<std::ptrdiff_t>(code), counts);
  return f;
}

std::vector<SummaryFactor> SummaryBuilder::ranked(std::ptrdiff_t parent,
                                                  const std::vector<FreqCounts>& counts) const {
  std::vector<SummaryFactor> factors;
  for (std::size_t c = 0; c < m_factor_codes; ++c)
    if (m_codes[c].parent == parent && kept(c))
      factors.push_back(factor(c, counts));
  std::stable_sort(factors.begin(), factors.end(), ranks_before);
  return factors;
}

Cooccurrence SummaryBuilder::factor_cooccurrence() const {
  const Cooccurrence all = m_counter.cooccurrence();
  // Matrix rows are top-level codes in code order, so the factors' come first.
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < all.codes.size(); ++r)
    for (std::size_t c = 0; c < m_factor_codes; ++c)
      if (m_codes[c].parent < 0 && m_codes[c].path == all.codes[r].path && kept(c))
        rows.push_back(r);
  Cooccurrence matrix;
  for (std::size_t r : rows)
    matrix.codes.push_back(all.codes[r]);
  for (std::size_t i : rows)
    for (std::size_t j : rows)
      matrix.both.push_back(all.at(i, j));
  return matrix;
}

// The counter's counts per code, looked up by path (code paths are unique in a run).
std::vector<FreqCounts> SummaryBuilder::counts() const {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t c = 0; c < m_codes.size(); ++c)
    index.emplace(m_codes[c].path, c);
  std::vector<FreqCounts> counts(m_codes.size());
  for (const FreqRow& row : m_counter.table().rows)
    if (auto it = index.find(row.path); it != index.end())
      counts[it->second] = row.counts;
  return counts;
}

Summary SummaryBuilder::summary() const {
  const std::vector<FreqCounts> counts = this->counts();
  Summary summary;
  summary.language = m_options.language;
  summary.codebook = m_title;
  summary.documents_total = m_documents;
  summary.informants_total = m_informants.size();
  summary.ranking = ranked(-1, counts);
  summary.has_stages = m_offsets.size() > 1;
  for (std::size_t c = m_factor_codes; c < m_codes.size(); ++c) {
    if (!kept(c))
      continue;
    const FreqCounts& n = counts[c];
    summary.stages.push_back({m_codes[c].path, m_codes[c].label, m_codes[c].depth, n.units,
                              n.documents, n.obstacle, n.support,
                              m_first_dates[c - m_factor_codes]});
  }
  summary.cooccurrence = factor_cooccurrence();
  summary.closing = closing_statement(summary);
  return summary;
}

} // namespace koda::analysis

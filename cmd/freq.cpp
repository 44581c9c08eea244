// `koda freq -c CODEBOOK FILES…`: code frequencies (units, documents, informants, share),
// crosstabs by a dimension of the corpus and code co-occurrence, from the same codings
// `koda code` reports with the same options.

#include "koda/analysis/freq.hpp"

#include "coding_options.hpp"
#include "commands.hpp"
#include "koda/coding/batch.hpp"
#include "koda/error.hpp"
#include "koda/report/freq_svg.hpp"
#include "koda/report/freq_writer.hpp"
#include "koda/report/output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <set>

namespace koda::cli {
namespace {

struct FreqOptions {
  CodingOptions coding;
  std::string format = "table";
  bool flat = false;
  bool valence_columns = false;
  bool chart = false;
  std::string by;
  std::string count = "units";
  std::string percent;
  bool cooccur = false;
  bool jaccard = false;
  std::optional<std::size_t> depth;
  std::string sort = "code";
  std::uint64_t min = 0;
};

report::FreqFormat parse_format(const std::string& format) {
  if (format == "csv")
    return report::FreqFormat::csv;
  if (format == "tsv")
    return report::FreqFormat::tsv;
  if (format == "json")
    return report::FreqFormat::json;
  if (format == "md")
    return report::FreqFormat::md;
  if (format == "latex")
    return report::FreqFormat::latex;
  if (format == "html")
    return report::FreqFormat::html;
  return report::FreqFormat::table;
}

// `--by` as the library takes it; the validator has already checked `by`.
void parse_dimension(const std::string& by, analysis::FreqOptions& options) {
  if (by == "document")
    options.by = analysis::FreqDimension::document;
  else if (by == "kind")
    options.by = analysis::FreqDimension::kind;
  else if (by == "speaker")
    options.by = analysis::FreqDimension::speaker;
  else if (by.starts_with("attr:")) {
    options.by = analysis::FreqDimension::attribute;
    options.by_key = by.substr(5);
  }
}

analysis::FreqOptions counting_options(const FreqOptions& options) {
  analysis::FreqOptions counting;
  counting.flat = options.flat;
  parse_dimension(options.by, counting);
  counting.count = options.count == "documents"    ? analysis::FreqCount::documents
                   : options.count == "informants" ? analysis::FreqCount::informants
                                                   : analysis::FreqCount::units;
  counting.percent = options.percent == "row"     ? analysis::FreqPercent::row
                     : options.percent == "col"   ? analysis::FreqPercent::column
                     : options.percent == "total" ? analysis::FreqPercent::total
                                                  : analysis::FreqPercent::none;
  counting.sort = options.sort == "count" ? analysis::FreqSort::count : analysis::FreqSort::code;
  counting.min_units = options.min;
  counting.codes = options.coding.codes;
  counting.depth = options.depth;
  // The pairs of codes a unit has are counted only for a co-occurrence table.
  counting.cooccurrence = options.cooccur || options.jaccard;
  return counting;
}

// The codes of every codebook of the run, in run order, labelled in `--lang`.
std::vector<analysis::FreqCode> freq_codes(const LoadedCodebooks& codebooks,
                                           const std::string& language) {
  std::vector<analysis::FreqCode> codes;
  for (std::size_t m = 0; m < codebooks.matchers.size(); ++m) {
    const auto base = static_cast<std::ptrdiff_t>(codes.size());
    const std::vector<coding::CodeInfo>& infos = codebooks.matchers[m]->codes();
    for (std::size_t c = 0; c < infos.size(); ++c)
      codes.push_back({infos[c].path, codebooks.label(m, c, language), infos[c].depth,
                       infos[c].parent < 0 ? -1 : base + infos[c].parent});
  }
  return codes;
}

// Hands the filtered codings of `coded`, unit by unit, to `counter`.
class DocumentCounter {
public:
  DocumentCounter(const LoadedCodebooks& codebooks, const std::vector<analysis::FreqCode>& codes,
                  const coding::CodingFilter& filter, const analysis::FreqOptions& options,
                  analysis::FreqCounter& counter)
      : m_codes(codes), m_filter(filter), m_options(options), m_counter(counter) {
    for (std::size_t m = 0; m < codebooks.matchers.size(); ++m)
      m_offsets.push_back(codebooks.order(m, 0));
  }

  void add(const coding::CodedDocument& coded) {
    const corpus::Document& doc = coded.document;
    if (m_options.by == analysis::FreqDimension::attribute)
      note_keys(doc);
    if (!m_filter.accepts_document(doc))
      return;
    analysis::filtered_codings(coded, m_filter, m_codes, m_offsets, m_codings);
    const analysis::Informants informants(doc);
    analysis::for_each_unit(m_codings, [&](std::span<const analysis::RunCoding> codings) {
      m_unit_hits.clear();
      for (const analysis::RunCoding& c : codings)
        m_unit_hits.push_back({c.code, c.coding->valence});
      const corpus::Unit& unit = doc.units[codings.front().unit];
      add_unit(doc, unit, informants.of(unit), m_unit_hits);
    });
    ++m_document;
  }

  // Every attribute key of the documents seen, sorted.
  const std::set<std::string>& keys() const { return m_keys; }

private:
  void add_unit(const corpus::Document& doc, const corpus::Unit& unit, std::string_view informant,
                const std::vector<analysis::CodeHit>& hits) {
    corpus::Attributes attributes;
    analysis::CodedUnit coded;
    coded.document = m_document;
    coded.document_name = doc.path;
    coded.kind = doc.kind;
    coded.speaker = unit.speaker;
    coded.informant = informant;
    if (m_options.by == analysis::FreqDimension::attribute) {
      attributes = coding::unit_attributes(doc, unit);
      coded.attributes = &attributes;
    }
    coded.codes = hits;
    m_counter.add(coded);
  }

  void note_keys(const corpus::Document& doc) {
    for (const auto& [key, value] : doc.attributes)
      m_keys.insert(key);
    for (const auto& [speaker, attributes] : doc.speaker_attributes)
      for (const auto& [key, value] : attributes)
        m_keys.insert(key);
  }

  const std::vector<analysis::FreqCode>& m_codes;
  std::vector<std::size_t> m_offsets; // per codebook: the index of its first code
  const coding::CodingFilter& m_filter;
  const analysis::FreqOptions& m_options;
  analysis::FreqCounter& m_counter;
  std::vector<analysis::RunCoding> m_codings;
  std::vector<analysis::CodeHit> m_unit_hits;
  std::set<std::string> m_keys;
  std::size_t m_document = 0;
};

// Throws koda::Error when `--by attr:KEY` names a key no document has.
void check_key(const analysis::FreqOptions& options, const std::set<std::string>& keys) {
  if (options.by != analysis::FreqDimension::attribute || keys.contains(options.by_key))
    return;
  std::string known;
  for (const std::string& key : keys)
    known += (known.empty() ? "" : ", ") + key;
  throw Error(fmt::format(
      "--by attr:{}: no document has the attribute '{}' ({})", options.by_key, options.by_key,
      known.empty() ? "the documents have no attributes" : "attributes found: " + known));
}

int run_freq(const FreqOptions& options) {
  if (options.chart &&
      (options.cooccur || options.jaccard || !options.by.empty() || options.format != "table"))
    throw CLI::ValidationError("--chart", "draws the default table on a terminal; it does not "
                                          "combine with --format, --by or --cooccur");
  if (options.format == "svg" && !options.by.empty())
    throw CLI::ValidationError("--format", "svg draws the default table (with --valence-columns) "
                                           "or --cooccur, not a --by crosstab");
  if ((options.cooccur || options.jaccard) &&
      (options.format == "latex" || options.format == "html"))
    throw CLI::ValidationError("--format", "co-occurrence is written as table, md, csv, tsv or "
                                           "json; latex and html are for the frequency table");
  const auto started = std::chrono::steady_clock::now();
  LoadedCodebooks codebooks = load_codebooks(options.coding);
  coding::CodingFilter filter = make_filter(options.coding, codebooks);
  std::optional<corpus::AttributeTable> attributes;
  if (!options.coding.documents.attributes.empty())
    attributes = corpus::AttributeTable::load(options.coding.documents.attributes);
  report::OutputSink sink(options.coding.documents.output);

  const analysis::FreqOptions counting = counting_options(options);
  const std::vector<analysis::FreqCode> codes = freq_codes(codebooks, options.coding.language);
  analysis::FreqCounter counter(codes, counting);
  DocumentCounter documents(codebooks, codes, filter, counting, counter);
  coding::BatchCallbacks callbacks = reporting_callbacks(options.coding.documents);
  callbacks.document = [&](coding::CodedDocument&& coded) { documents.add(coded); };
  coding::BatchOptions batch = batch_options(options.coding, attributes ? &*attributes : nullptr);
  // Valence costs a sentence segmentation per coded unit; a table that neither shows nor
  // filters by it counts the same units without it.
  if (!options.valence_columns && options.coding.valence.empty())
    batch.detail = coding::Detail::codes;
  coding::BatchSummary summary = coding::code_inputs(options.coding.documents.files,
                                                     codebooks.matcher_list(), batch, callbacks);
  check_key(counting, documents.keys());

  const report::FreqFormat format = parse_format(options.format);
  const analysis::FreqTable table = counter.table();
  if (options.format == "svg" && (options.cooccur || options.jaccard))
    sink.write(report::cooccurrence_svg(counter.cooccurrence(), options.jaccard));
  else if (options.format == "svg")
    sink.write(report::freq_svg(table, options.valence_columns));
  else if (options.cooccur || options.jaccard)
    sink.write(report::cooccurrence_report(counter.cooccurrence(), options.jaccard, format));
  else if (options.chart)
    sink.write(report::freq_chart(table));
  else
    sink.write(report::freq_report(table, counting,
                                   options.valence_columns ? report::ValenceColumns::show
                                                           : report::ValenceColumns::hide,
                                   format));
  sink.commit();
  const bool text_format = format == report::FreqFormat::table || format == report::FreqFormat::md;
  if (table.total.counts.units == 0 && (!text_format || options.cooccur || options.jaccard) &&
      !options.coding.documents.quiet)
    std::fputs("koda: no codings\n", stderr);
  return finish_batch(summary, started, options.coding);
}

// Accepts `document`, `kind`, `speaker` and `attr:KEY`.
std::string check_dimension(const std::string& by) {
  if (by == "document" || by == "kind" || by == "speaker" ||
      (by.starts_with("attr:") && by.size() > 5))
    return {};
  return fmt::format("expected document, kind, speaker or attr:KEY (e.g. attr:role), not '{}'", by);
}

} // namespace

void add_freq_command(CLI::App& app, int& status) {
  auto options = std::make_shared<FreqOptions>();
  CLI::App* command = app.add_subcommand(
      "freq", "Code frequencies: units, documents and informants per code; crosstabs; "
              "co-occurrence");
  add_coding_options(*command, options->coding);
  command->add_option("-f,--format", options->format, "Output format (default: table)")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "md", "latex", "html", "svg"}));
  command->add_flag("--flat", options->flat, "Leaves only, without parent roll-ups");
  command->add_flag("--chart", options->chart,
                    "Draw a horizontal bar chart of coded units per code (Unicode blocks)");
  command->add_flag("--valence-columns", options->valence_columns,
                    "Add obstacle, support and neutral unit counts per code");
  CLI::Option* by =
      command->add_option("--by", options->by, "Crosstab by document, kind, speaker or attr:KEY")
          ->check(CLI::Validator(check_dimension, "DIM", "dimension"));
  command->add_option("--count", options->count, "What crosstab cells count (default: units)")
      ->check(CLI::IsMember({"units", "documents", "informants"}))
      ->needs(by);
  command->add_option("--percent", options->percent, "Crosstab cells as percentages")
      ->check(CLI::IsMember({"row", "col", "total"}))
      ->needs(by);
  command->add_flag("--cooccur", options->cooccur, "Code × code matrix of units coded with both");
  command->add_flag("--jaccard", options->jaccard,
                    "Co-occurrence as Jaccard similarity (units with both / with either)");
  command->add_option("--depth", options->depth,
                      "Co-occurrence on codes at this depth (0: top level) instead of leaves");
  command->add_option("--sort", options->sort, "Order of sibling rows (default: code)")
      ->check(CLI::IsMember({"code", "count"}));
  command->add_option("--min", options->min, "Only codes with at least N units");
  command->callback([options, &status] {
    if (options->depth && !options->cooccur && !options->jaccard)
      throw CLI::ValidationError("--depth", "applies to co-occurrence: add --cooccur or --jaccard");
    status = run_freq(*options);
  });
}

} // namespace koda::cli

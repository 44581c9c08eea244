#include "coding_options.hpp"

#include "koda/codebook/file.hpp"
#include "koda/error.hpp"
#include "koda/report/terminal.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <map>

namespace koda::cli {

void add_coding_options(CLI::App& command, CodingOptions& options) {
  command.add_option("-c,--codebook", options.codebooks, "Codebook file (.kcb); may be repeated")
      ->required()
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add_document_options(command, options.documents, KindOption::filter);
  command.add_option("--lang", options.language,
                     "Language of code labels (default: each codebook's language)");
  command.add_flag("--include-interviewer", options.include_interviewer,
                   "Code interviewer turns too");
  command.add_flag("-v,--verbose", options.verbose,
                   "Print the summary line even when standard error is not a terminal");
  command
      .add_option("--code", options.codes,
                  "Only this code and its descendants (a path such as sumberdaya/sdm); "
                  "may be repeated")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command.add_option("--valence", options.valence, "Only codings of this valence")
      ->check(CLI::IsMember({"obstacle", "support", "neutral"}));
  command.add_option("--speaker", options.speakers, "Only turns of this speaker; may be repeated")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command.add_option("--kind", options.kind, "Only documents of this kind")
      ->check(CLI::IsMember({"interview", "minutes", "observation", "document"}));
  command
      .add_option("--where", options.where,
                  "Only units whose attribute KEY has VALUE (KEY=VALUE); may be repeated")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

std::vector<const coding::Matcher*> LoadedCodebooks::matcher_list() const {
  std::vector<const coding::Matcher*> list;
  for (const auto& m : matchers)
    list.push_back(m.get());
  return list;
}

const std::string& LoadedCodebooks::label(std::size_t m, std::size_t code,
                                          const std::string& language) const {
  const codebook::Codebook& cb = *codebooks[m];
  const std::string& lang = language.empty() ? cb.language : language;
  return matchers[m]->codes()[code].code->label(lang);
}

std::size_t LoadedCodebooks::order(std::size_t m, std::size_t code) const {
  std::size_t before = 0;
  for (std::size_t i = 0; i < m; ++i)
    before += matchers[i]->codes().size();
  return before + code;
}

LoadedCodebooks load_codebooks(const CodingOptions& options) {
  LoadedCodebooks loaded;
  bool failed = false;
  for (const std::string& path : options.codebooks) {
    codebook::CodebookFile file = codebook::read_codebook_file(path, codebook::Strictness::normal);
    if (!file.result.ok() || !options.documents.quiet)
      std::fputs(file.formatted_diagnostics().c_str(), stderr);
    if (!file.result.ok()) {
      failed = true;
      continue;
    }
    loaded.codebooks.push_back(
        std::make_unique<codebook::Codebook>(std::move(*file.result.codebook)));
  }
  if (failed)
    throw Error("the codebook has errors; nothing was coded");
  std::map<std::string, std::string> owner;
  for (std::size_t i = 0; i < loaded.codebooks.size(); ++i) {
    for (const codebook::Code& code : loaded.codebooks[i]->codes) {
      auto [it, inserted] = owner.emplace(code.id, options.codebooks[i]);
      if (!inserted)
        throw Error(fmt::format("code '{}' is defined in both {} and {}; code ids must be unique "
                                "across the codebooks of one run",
                                code.id, it->second, options.codebooks[i]));
    }
    loaded.matchers.push_back(std::make_unique<coding::Matcher>(*loaded.codebooks[i]));
  }
  return loaded;
}

coding::CodingFilter make_filter(const CodingOptions& options, const LoadedCodebooks& codebooks) {
  coding::CodingFilter filter;
  for (const std::string& path : options.codes) {
    bool known = false;
    for (const auto& matcher : codebooks.matchers)
      for (const coding::CodeInfo& info : matcher->codes())
        known = known || info.path == path;
    if (!known)
      throw Error(fmt::format("--code {}: no such code in the codebook{}", path,
                              codebooks.matchers.size() == 1 ? "" : "s"));
    filter.codes.push_back(path);
  }
  if (options.valence == "obstacle")
    filter.valence = coding::Valence::obstacle;
  else if (options.valence == "support")
    filter.valence = coding::Valence::support;
  else if (options.valence == "neutral")
    filter.valence = coding::Valence::neutral;
  filter.speakers = options.speakers;
  if (!options.kind.empty())
    filter.kind = corpus::parse_kind(options.kind);
  for (const std::string& condition : options.where)
    filter.where.push_back(coding::parse_where(condition));
  return filter;
}

namespace {

// A batch allocates a document's text, units and rendered output per document, often over
// glibc's 128 KiB mmap threshold, frees them on another thread, and glibc then returns the
// memory to the kernel and faults it back in for the next document. Keeping blocks up to
// 32 MiB in the heap and 64 MiB of free memory before trimming took `koda code --jobs 2`
// from 0.79 s to 0.31 s of system time on the 50 MB benchmark corpus; the peak stays
// bounded (neither limit grows with the corpus).
void tune_allocator_for_batches() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

} // namespace

coding::BatchOptions batch_options(const CodingOptions& options,
                                   const corpus::AttributeTable* attributes) {
  tune_allocator_for_batches();
  coding::BatchOptions batch;
  batch.load = load_options(options.documents);
  batch.load.attributes = attributes;
  batch.interviewer =
      options.include_interviewer ? coding::Interviewer::include : coding::Interviewer::skip;
  batch.jobs = thread_count(options.documents);
  return batch;
}

namespace {

// A progress bar on standard error: documents done of total, MB/s and the time left.
class ProgressBar {
public:
  void update(const coding::BatchProgress& p) {
    auto now = std::chrono::steady_clock::now();
    if (p.done < p.total && now - m_last < std::chrono::milliseconds(100))
      return;
    m_last = now;
    double seconds = std::chrono::duration<double>(now - m_start).count();
    double mb = static_cast<double>(p.bytes) / 1e6;
    double rate = seconds > 0 ? mb / seconds : 0;
    double left =
        p.done > 0 ? seconds * static_cast<double>(p.total - p.done) / static_cast<double>(p.done)
                   : 0;
    constexpr int k_width = 30;
    int filled = p.total ? static_cast<int>(k_width * p.done / p.total) : k_width;
    std::string bar;
    for (int i = 0; i < k_width; ++i)
      bar += i < filled ? "█" : "░";
    std::fputs(fmt::format("\r{} {}/{} documents  {:.1f} MB/s  {:.0f} s left \x1b[K", bar, p.done,
                           p.total, rate, left)
                   .c_str(),
               stderr);
    if (p.done == p.total)
      std::fputs("\r\x1b[K", stderr);
  }

private:
  std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point m_last{};
};

} // namespace

coding::BatchCallbacks reporting_callbacks(const DocumentOptions& options) {
  coding::BatchCallbacks callbacks;
  bool quiet = options.quiet;
  callbacks.warning = [quiet](const std::string& message) {
    if (!quiet)
      warn(message);
  };
  callbacks.error = [](const std::string& message) {
    std::fputs(fmt::format("koda: error: {}\n", message).c_str(), stderr);
  };
  if (!quiet && report::stderr_is_terminal()) {
    auto bar = std::make_shared<ProgressBar>();
    callbacks.progress = [bar](const coding::BatchProgress& p) { bar->update(p); };
  }
  return callbacks;
}

int finish_batch(const coding::BatchSummary& summary, std::chrono::steady_clock::time_point started,
                 const CodingOptions& options) {
  const int status = summary.errors.empty() || options.documents.keep_going ? 0 : 1;
  if (options.documents.quiet || !(options.verbose || report::stderr_is_terminal()))
    return status;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fputs(fmt::format("koda: {} document{}, {} units, {} codings, {} skipped, {:.2f} s\n",
                         summary.documents, summary.documents == 1 ? "" : "s", summary.units,
                         summary.codings, summary.skipped, seconds)
                 .c_str(),
             stderr);
  return status;
}

} // namespace koda::cli

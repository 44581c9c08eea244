// Stemming: Snowball algorithms through libstemmer.
//
// A codebook term such as `laksana` should find `dilaksanakan` and `pelaksanaan`; Snowball's
// Indonesian stemmer strips exactly those prefixes and suffixes. Languages are named the
// way researchers name them: the Snowball name (`indonesian`), a two-letter ISO 639-1 code
// (`id`), or `none` to match surface forms only. Names are matched ignoring ASCII case.
//
// The segmenter keeps a reduplication such as `kegiatan-kegiatan` as one token, and a
// plural should count as its singular, so a word made of hyphen-joined equal halves stems
// as one half: `kegiatan-kegiatan` → `giat`, like `kegiatan`. Any other hyphenated word
// goes to Snowball whole. `none` is the identity, reduplication included.
//
// Callers stem each distinct folded form once and cache the result (see PERFORMANCE.md), so
// this wrapper stays simple: no cache of its own, and the returned view points into
// libstemmer's buffer, which the next call overwrites.
#include "koda/text/stem.hpp"

#include "koda/error.hpp"

#include <fmt/format.h>
#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <new>
#include <utility>

namespace koda::text {
namespace {

constexpr std::string_view k_no_stemming = "none";

// ISO 639-1 codes for the Snowball algorithms; only those libstemmer has are offered.
constexpr std::array<std::pair<std::string_view, std::string_view>, 28> k_language_codes = {{
    {"ar", "arabic"},     {"ca", "catalan"},  {"da", "danish"},     {"de", "german"},
    {"el", "greek"},      {"en", "english"},  {"es", "spanish"},    {"eu", "basque"},
    {"fi", "finnish"},    {"fr", "french"},   {"ga", "irish"},      {"hi", "hindi"},
    {"hu", "hungarian"},  {"hy", "armenian"}, {"id", "indonesian"}, {"it", "italian"},
    {"lt", "lithuanian"}, {"ne", "nepali"},   {"nl", "dutch"},      {"no", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"},    {"sr", "serbian"},
    {"sv", "swedish"},    {"ta", "tamil"},    {"tr", "turkish"},    {"yi", "yiddish"},
}};

struct StemmerCloser {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};
using StemmerPtr = std::unique_ptr<sb_stemmer, StemmerCloser>;

bool has_algorithm(std::string_view name) {
  for (const char** algorithm = sb_stemmer_list(); *algorithm; ++algorithm) {
    if (name == *algorithm) {
      return true;
    }
  }
  return false;
}

std::string ascii_lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c | 0x20);
    }
  }
  return lower;
}

// The Snowball algorithm `language` names, "none", or "" when it names nothing koda knows.
std::string resolve_algorithm(std::string_view language) {
  const std::string name = ascii_lowercase(language);
  if (name == k_no_stemming || has_algorithm(name)) {
    return name;
  }
  for (const auto& [code, algorithm] : k_language_codes) {
    if (name == code && has_algorithm(algorithm)) {
      return std::string(algorithm);
    }
  }
  return {};
}

// The half of `word` when it is two or more equal halves joined by '-', else `word`.
std::string_view reduplicated_base(std::string_view word) {
  const std::size_t hyphen = word.find('-');
  if (hyphen == std::string_view::npos || hyphen == 0) {
    return word;
  }
  const std::string_view base = word.substr(0, hyphen);
  for (std::size_t at = hyphen; at < word.size(); at += base.size() + 1) {
    if (word[at] != '-' || word.substr(at + 1, base.size()) != base ||
        (at + 1 + base.size() < word.size() && word[at + 1 + base.size()] != '-')) {
      return word;
    }
  }
  return base;
}

} // namespace

struct Stemmer::Impl {
  std::string algorithm;
  StemmerPtr stemmer; // null for "none"
};

Stemmer::Stemmer(std::string_view language) : m_impl(std::make_unique<Impl>()) {
  m_impl->algorithm = resolve_algorithm(language);
  if (m_impl->algorithm.empty()) {
    throw Error(fmt::format("unknown language '{}' (expected a Snowball stemmer name such as "
                            "indonesian or english, a code such as id or en, or none)",
                            language));
  }
  if (m_impl->algorithm != k_no_stemming) {
    m_impl->stemmer.reset(sb_stemmer_new(m_impl->algorithm.c_str(), "UTF_8"));
    if (!m_impl->stemmer) {
      throw std::bad_alloc();
    }
  }
}

Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;

std::string_view Stemmer::stem(std::string_view folded_word) {
  if (!m_impl->stemmer) {
    return folded_word;
  }
  const std::string_view word = reduplicated_base(folded_word);
  if (word.empty()) {
    return word;
  }
  const sb_symbol* stem =
      sb_stemmer_stem(m_impl->stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (!stem) {
    throw std::bad_alloc();
  }
  return {reinterpret_cast<const char*>(stem),
          static_cast<std::size_t>(sb_stemmer_length(m_impl->stemmer.get()))};
}

const std::string& Stemmer::algorithm() const { return m_impl->algorithm; }

bool Stemmer::is_known(std::string_view language) { return !resolve_algorithm(language).empty(); }

std::vector<std::string> Stemmer::known_languages() {
  std::vector<std::string> names{std::string(k_no_stemming)};
  for (const char** algorithm = sb_stemmer_list(); *algorithm; ++algorithm) {
    names.emplace_back(*algorithm);
  }
  for (const auto& [code, algorithm] : k_language_codes) {
    if (has_algorithm(algorithm)) {
      names.emplace_back(code);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

} // namespace koda::text

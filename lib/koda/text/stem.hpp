#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace koda::text {

// A Snowball stemmer for one language, over libstemmer. Not thread-safe: one per thread.
class Stemmer {
public:
  // A stemmer for `language`: a Snowball name ("indonesian", "english", ...), a two-letter
  // code koda knows ("id", "en", "fr", ...), or "none" for no stemming. Throws koda::Error
  // naming the language and the accepted names when it is unknown.
  explicit Stemmer(std::string_view language);
  ~Stemmer();
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;

  // The stem of `folded_word` (already case-folded UTF-8). The view stays valid until the
  // next call on this stemmer.
  std::string_view stem(std::string_view folded_word);

  // The Snowball algorithm name in use, or "none".
  const std::string& algorithm() const;

  // Whether `language` would be accepted by the constructor.
  static bool is_known(std::string_view language);

  // Every accepted name: Snowball names, koda's two-letter codes, and "none", sorted.
  static std::vector<std::string> known_languages();

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace koda::text

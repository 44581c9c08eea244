#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace koda::text {

// A language koda has a stop list of its own for (docs/stopwords.md gives the lists and
// the principles behind them).
enum class StopList { indonesian, english };

// Whether `folded` (a case-folded word token) is on the stop list of `language`. A
// reduplication of a stop word (`apa-apa`, `lain-lain`) is one too, and a typographic
// apostrophe (’) counts as `'`, so `don’t` is `don't`.
bool is_stopword(std::string_view folded, StopList language);

// Every word on the stop list of `language`, sorted bytewise.
std::vector<std::string_view> stopwords(StopList language);

// The stop list named `name`: "id" or "indonesian", "en" or "english".
std::optional<StopList> parse_stop_list(std::string_view name);

// The short name of `language`: "id" or "en".
std::string_view to_string(StopList language);

} // namespace koda::text

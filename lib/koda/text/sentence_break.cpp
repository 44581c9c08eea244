// UAX #29 sentence boundaries for ASCII text. The rules, with the classes an ASCII character
// can have (ParaSep = CR | LF; SATerm = ATerm | STerm; Extend and Format, which rules SB5
// skip, have no ASCII members):
//   SB3  CR × LF                        SB4  ParaSep ÷
//   SB6  ATerm × Numeric                SB7  (Upper | Lower) ATerm × Upper
//   SB8  ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
//   SB8a SATerm Close* Sp* × (SContinue | SATerm)
//   SB9  SATerm Close* × (Close | Sp | ParaSep)
//   SB10 SATerm Close* Sp* × (Sp | ParaSep)
//   SB11 SATerm Close* Sp* ParaSep? ÷   SB998 Any × Any
// So a boundary can only follow a paragraph separator or end an SATerm Close* Sp* run, and
// the scan only stops at those. Each character's class comes from ICU's own property data.
#include "koda/text/sentence_break.hpp"

#include <unicode/uchar.h>

#include <array>
#include <cstdint>

namespace koda::text::detail {
namespace {

enum Class : std::uint8_t {
  other,
  cr,
  lf,
  sp,
  lower,
  upper,
  numeric,
  aterm,
  sterm,
  close,
  scontinue,
  unexpected, // Sep, Format, Extend, OLetter: not handled here
};

struct Classes {
  std::array<Class, 128> of{};
  bool complete = true;
};

const Classes& classes() {
  static const Classes table = [] {
    Classes t;
    for (UChar32 c = 0; c < 128; ++c) {
      Class k = other;
      switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
      case U_SB_CR:
        k = cr;
        break;
      case U_SB_LF:
        k = lf;
        break;
      case U_SB_SP:
        k = sp;
        break;
      case U_SB_LOWER:
        k = lower;
        break;
      case U_SB_UPPER:
        k = upper;
        break;
      case U_SB_NUMERIC:
        k = numeric;
        break;
      case U_SB_ATERM:
        k = aterm;
        break;
      case U_SB_STERM:
        k = sterm;
        break;
      case U_SB_CLOSE:
        k = close;
        break;
      case U_SB_SCONTINUE:
        k = scontinue;
        break;
      case U_SB_OTHER:
        k = other;
        break;
      default:
        k = unexpected;
        t.complete = false;
        break;
      }
      t.of[static_cast<std::size_t>(c)] = k;
    }
    return t;
  }();
  return table;
}

} // namespace

bool ascii_sentence_rules_apply() { return classes().complete; }

void ascii_sentence_boundaries(std::string_view text, std::vector<std::size_t>& boundaries) {
  const std::array<Class, 128>& of = classes().of;
  const std::size_t n = text.size();
  auto at = [&](std::size_t i) { return of[static_cast<unsigned char>(text[i]) & 0x7f]; };
  boundaries.push_back(0);
  std::size_t i = 0;
  while (i < n) {
    const Class c = at(i);
    if (c == cr || c == lf) { // SB3, SB4
      i += (c == cr && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
      if (i < n)
        boundaries.push_back(i);
      continue;
    }
    if (c != aterm && c != sterm) {
      ++i;
      continue;
    }
    // An SATerm Close* Sp* run ends at q; SB9 and SB10 keep it whole.
    const std::size_t p = i;
    std::size_t q = p + 1;
    while (q < n && at(q) == close)
      ++q;
    while (q < n && at(q) == sp)
      ++q;
    i = q;
    if (q == n)
      break;
    const Class next = at(q);
    if (next == cr || next == lf) // SB11 breaks after the separator, as SB4 does
      continue;
    bool keep = next == scontinue || next == aterm || next == sterm; // SB8a
    if (!keep && c == aterm) {
      if (q == p + 1 && next == numeric) { // SB6
        keep = true;
      } else if (q == p + 1 && next == upper && p > 0 &&
                 (at(p - 1) == upper || at(p - 1) == lower)) { // SB7
        keep = true;
      } else { // SB8
        std::size_t k = q;
        while (k < n) {
          const Class x = at(k);
          if (x == lower || x == upper || x == cr || x == lf || x == aterm || x == sterm)
            break;
          ++k;
        }
        keep = k < n && at(k) == lower;
      }
    }
    if (!keep)
      boundaries.push_back(q);
  }
  if (n > 0)
    boundaries.push_back(n);
}

} // namespace koda::text::detail

// UAX #29 sentence boundaries. The rules (ParaSep = Sep | CR | LF; SATerm = ATerm | STerm):
//   SB3  CR × LF                        SB4  ParaSep ÷
//   SB5  X (Extend | Format)* → X, except after sot and ParaSep
//   SB6  ATerm × Numeric                SB7  (Upper | Lower) ATerm × Upper
//   SB8  ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
//   SB8a SATerm Close* Sp* × (SContinue | SATerm)
//   SB9  SATerm Close* × (Close | Sp | ParaSep)
//   SB10 SATerm Close* Sp* × (Sp | ParaSep)
//   SB11 SATerm Close* Sp* ParaSep? ÷   SB998 Any × Any
// So a boundary can only follow a paragraph separator or end an SATerm Close* Sp* run, and
// the scan only stops at those. The rules see "items": a character with the Extend and
// Format characters SB5 attaches to it. Classes come from ICU's property data (a table for
// ASCII), so they follow the ICU koda is built with.
#include "koda/text/sentence_break.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace koda::text::detail {
namespace {

enum Class : std::uint8_t {
  other,
  cr,
  lf,
  sep,
  sp,
  lower,
  upper,
  oletter,
  numeric,
  aterm,
  sterm,
  close,
  scontinue,
  extend, // Extend or Format: the same to these rules
};

Class class_of(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
  case U_SB_CR:
    return cr;
  case U_SB_LF:
    return lf;
  case U_SB_SEP:
    return sep;
  case U_SB_SP:
    return sp;
  case U_SB_LOWER:
    return lower;
  case U_SB_UPPER:
    return upper;
  case U_SB_OLETTER:
    return oletter;
  case U_SB_NUMERIC:
    return numeric;
  case U_SB_ATERM:
    return aterm;
  case U_SB_STERM:
    return sterm;
  case U_SB_CLOSE:
    return close;
  case U_SB_SCONTINUE:
    return scontinue;
  case U_SB_EXTEND:
  case U_SB_FORMAT:
    return extend;
  default:
    return other;
  }
}

const std::array<Class, 128>& ascii_classes() {
  static const std::array<Class, 128> table = [] {
    std::array<Class, 128> t{};
    for (UChar32 c = 0; c < 128; ++c)
      t[static_cast<std::size_t>(c)] = class_of(c);
    return t;
  }();
  return table;
}

bool is_para_sep(Class c) { return c == cr || c == lf || c == sep; }

// The bytes the scan stops at: separators, terminators and the start of non-ASCII
// characters; any other ASCII byte is an item no rule starts at. With ICU 72 the ASCII ones
// are CR, LF, `.`, `!` and `?`; the scan skips to the next stop sixteen bytes at a time,
// comparing with up to eight of them (a table past that, should ICU ever add more).
class Stops {
public:
  Stops() {
    std::vector<char> ascii;
    for (std::size_t b = 0; b < 256; ++b) {
      const Class c = b < 128 ? ascii_classes()[b] : other;
      m_table[b] = b >= 128 || is_para_sep(c) || c == aterm || c == sterm;
      if (b < 128 && m_table[b])
        ascii.push_back(static_cast<char>(b));
    }
#if defined(__SSE2__)
    m_simd = !ascii.empty() && ascii.size() <= k_compared;
    for (std::size_t k = 0; m_simd && k < k_compared; ++k) // the first repeated as padding
      m_wanted[k] = _mm_set1_epi8(ascii[k < ascii.size() ? k : 0]);
#endif
  }

  // The first stop at or after `i`, or text.size().
  std::size_t next(std::string_view text, std::size_t i) const {
#if defined(__SSE2__)
    if (m_simd) {
      for (; i + 16 <= text.size(); i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        __m128i hit = _mm_cmpeq_epi8(v, m_wanted[0]);
        for (std::size_t k = 1; k < k_compared; ++k)
          hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, m_wanted[k]));
        // Non-ASCII bytes have the top bit set, which movemask reads directly.
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(hit, v)));
        if (mask != 0)
          return i + static_cast<std::size_t>(std::countr_zero(mask));
      }
    }
#endif
    while (i < text.size() && !m_table[static_cast<unsigned char>(text[i])])
      ++i;
    return i;
  }

private:
  static constexpr std::size_t k_compared = 8;
  std::array<bool, 256> m_table{};
#if defined(__SSE2__)
  bool m_simd = false;
  __m128i m_wanted[k_compared]{}; // the ASCII stops, each in every byte
#endif
};

const Stops& stop_bytes() {
  static const Stops stops;
  return stops;
}

class Items {
public:
  explicit Items(std::string_view text) : m_text(text), m_ascii(ascii_classes()) {}

  struct Item {
    Class cls;
    std::size_t next; // where the next item starts
  };

  // The item starting at byte `i` (< size): its character and, unless that is a paragraph
  // separator, the Extend and Format characters after it.
  Item at(std::size_t i) const {
    std::size_t next = i;
    const Class cls = decode(next);
    if (is_para_sep(cls))
      return {cls, next};
    while (next < m_text.size()) {
      std::size_t after = next;
      if (decode(after) != extend)
        break;
      next = after;
    }
    return {cls, next};
  }

  std::size_t size() const { return m_text.size(); }

private:
  // The class of the character at `i`, moving `i` past it.
  Class decode(std::size_t& i) const {
    const auto byte = static_cast<unsigned char>(m_text[i]);
    if (byte < 0x80) {
      ++i;
      return m_ascii[byte];
    }
    // Decoded from a window of at most 4 bytes, so that offsets fit ICU's int32_t.
    UChar32 c = 0;
    int32_t offset = 0;
    const auto window = static_cast<int32_t>(std::min<std::size_t>(4, m_text.size() - i));
    U8_NEXT(m_text.data() + i, offset, window, c);
    i += static_cast<std::size_t>(offset);
    return c < 0 ? other : class_of(c);
  }

  std::string_view m_text;
  const std::array<Class, 128>& m_ascii;
};

} // namespace

void sentence_boundaries(std::string_view text, std::size_t from, std::size_t to,
                         std::vector<std::size_t>& boundaries) {
  const Items items(text);
  const std::array<Class, 128>& ascii = ascii_classes();
  const Stops& stops = stop_bytes();
  const std::size_t n = items.size();
  // After a line feed there is always a boundary, and no rule looks back past it.
  std::size_t start = 0;
  if (from > 0 && from <= n)
    if (const std::size_t lf_at = text.rfind('\n', from - 1); lf_at != std::string_view::npos)
      start = lf_at + 1;
  boundaries.push_back(start);
  // The item before an SATerm decides SB7. Items the scan skips are single ASCII characters,
  // so it is the byte before, unless the item was read whole: the last such ends at
  // `read_end` and has class `read_class`.
  std::size_t read_end = start;
  Class read_class = other;
  auto push = [&](std::size_t boundary) {
    boundaries.push_back(boundary);
    return boundary >= to;
  };
  std::size_t i = start;
  while (i < n) {
    i = stops.next(text, i);
    if (i == n)
      break;
    const Items::Item item = items.at(i);
    if (is_para_sep(item.cls)) { // SB3, SB4
      i = item.next;
      if (item.cls == cr && i < n && text[i] == '\n')
        ++i;
      if (i < n && push(i))
        return;
      read_end = i;
      read_class = lf;
      continue;
    }
    // The class of the item before i.
    auto before = [&] {
      if (read_end == i || i == start)
        return read_class;
      const auto last = static_cast<unsigned char>(text[i - 1]);
      return last < 0x80 ? ascii[last] : other;
    };
    if (item.cls != aterm && item.cls != sterm) {
      Class cls = item.cls;
      // SB5: Extend and Format after a skipped character belong to it; at the start or
      // after a separator they stand alone.
      if (cls == extend && i > start && !is_para_sep(before()))
        cls = before();
      read_end = i = item.next;
      read_class = cls;
      continue;
    }
    // An SATerm Close* Sp* run ends at q; SB9 and SB10 keep it whole.
    const Class term = item.cls;
    const Class previous = i > start ? before() : other;
    const bool follows_letter = previous == upper || previous == lower;
    std::size_t q = item.next;
    bool directly = true; // nothing between the SATerm and q
    Items::Item next{other, q};
    read_class = term;
    while (q < n && (next = items.at(q)).cls == close) {
      q = next.next;
      directly = false;
      read_class = close;
    }
    while (q < n && (next = items.at(q)).cls == sp) {
      q = next.next;
      directly = false;
      read_class = sp;
    }
    read_end = i = q;
    if (q == n || is_para_sep(next.cls)) // SB11 breaks after the separator, as SB4 does
      continue;
    bool keep = next.cls == scontinue || next.cls == aterm || next.cls == sterm; // SB8a
    if (!keep && term == aterm) {
      if (directly && next.cls == numeric) { // SB6
        keep = true;
      } else if (directly && next.cls == upper && follows_letter) { // SB7
        keep = true;
      } else { // SB8
        std::size_t k = q;
        Class x = other;
        while (k < n) {
          const Items::Item skipped = items.at(k);
          x = skipped.cls;
          if (x == oletter || x == upper || x == lower || is_para_sep(x) || x == aterm ||
              x == sterm)
            break;
          k = skipped.next;
        }
        keep = k < n && x == lower;
      }
    }
    if (!keep && push(q))
      return;
  }
  if (n > 0)
    boundaries.push_back(n);
}

void sentence_boundaries(std::string_view text, std::vector<std::size_t>& boundaries) {
  sentence_boundaries(text, 0, text.size(), boundaries);
}

} // namespace koda::text::detail

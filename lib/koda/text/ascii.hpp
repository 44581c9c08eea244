#pragma once

// Private to lib/koda/text: the ASCII scan shared by decoding, folding and segmentation.

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace koda::text::detail {

// The length of the ASCII run at the start of `bytes`, checked 64 bytes at a time (with
// SSE2), then eight at a time.
inline std::size_t ascii_prefix_length(std::string_view bytes) {
  const char* data = bytes.data();
  const std::size_t size = bytes.size();
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 64 <= size; i += 64) {
    const auto* p = reinterpret_cast<const __m128i*>(data + i);
    const __m128i any = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(p), _mm_loadu_si128(p + 1)),
                                     _mm_or_si128(_mm_loadu_si128(p + 2), _mm_loadu_si128(p + 3)));
    if (_mm_movemask_epi8(any) != 0) {
      break;
    }
  }
#endif
  for (; i + 8 <= size; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, data + i, 8);
    if (word & 0x8080808080808080u) {
      break;
    }
  }
  while (i < size && static_cast<unsigned char>(data[i]) < 0x80) {
    ++i;
  }
  return i;
}

// Whether every byte of `bytes` is ASCII.
inline bool is_ascii(std::string_view bytes) { return ascii_prefix_length(bytes) == bytes.size(); }

} // namespace koda::text::detail

// Decoding: from the bytes of a file to the one text every later stage works on.
//
// Offsets everywhere in koda (units, tokens, coded excerpts) are byte offsets into the
// decoded text: UTF-8, LF line ends, Unicode Normalization Form C. Fixing all three here,
// once, means a search for "é" finds both the precomposed and the decomposed spelling, a
// file saved on Windows codes like the same file saved on Linux, and the matcher never has
// to think about encodings.
//
// How the encoding is decided, in order:
//  1. A byte-order mark is authoritative (UTF-8, UTF-16LE/BE, UTF-32LE/BE). It wins even
//     over a forced encoding, as in the WHATWG encoding standard: a directory read with
//     `--encoding windows-1252` usually also holds a few files Notepad saved with a BOM, and
//     those should not turn into mojibake. The forced name is still validated, and a
//     warning says it was overridden.
//  2. A forced encoding is any ICU converter name; the reported name is the MIME name where
//     there is one (ISO-8859-1, Shift_JIS, GB18030), else the IANA name (windows-1252),
//     else ICU's own. Those are the names researchers meet elsewhere and are stable across
//     ICU versions, unlike ICU's internal names (ibm-5348_P100-1997).
//  3. Otherwise: a NUL byte means a binary file; valid UTF-8 is taken as is (the common
//     case, checked without ICU at several GB/s). Anything else goes to ICU's charset
//     detector, whose guesses are weighed against how the bytes look:
//     - A non-Latin guess at confidence 50 or more (Shift_JIS, GB18030, KOI8-R) is used if
//       the bytes convert cleanly. Such text often contains byte pairs that happen to be
//       valid UTF-8, so UTF-8 structure alone cannot rule it out.
//     - Otherwise, text that is *almost* UTF-8 — it holds at least one valid multi-byte
//       sequence — is broken UTF-8: guessing a Latin code page would only hide the damage,
//       so it is an error pointing at the bad byte.
//     - Text with no UTF-8 structure and a single-byte Latin guess is read as windows-1252.
//       ICU has no Indonesian model and spreads its votes over the Latin code pages
//       (windows-1254 for Indonesian windows-1252 text); windows-1252 is what such files
//       come from in practice, and it maps every byte.
//     - Anything else is an error naming the first invalid UTF-8 sequence.
// Each guess leaves a warning naming the encoding used, so a wrong guess is visible.
#include "koda/text/decode.hpp"

#include "koda/text/ascii.hpp"

#include <fmt/format.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

namespace koda::text {
namespace {

constexpr int k_min_detector_confidence = 50;

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

struct ByteOrderMark {
  std::string_view bytes;
  const char* encoding;
};

// Longest first: the UTF-32LE mark begins with the UTF-16LE one.
constexpr std::array<ByteOrderMark, 5> k_byte_order_marks = {{
    {{"\xFF\xFE\x00\x00", 4}, "UTF-32LE"},
    {{"\x00\x00\xFE\xFF", 4}, "UTF-32BE"},
    {"\xEF\xBB\xBF", "UTF-8"},
    {"\xFF\xFE", "UTF-16LE"},
    {"\xFE\xFF", "UTF-16BE"},
}};

// Where a converter stopped, and why.
struct ConversionFault {
  std::size_t offset;
  const char* what;
};

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

bool in_range(unsigned char byte, unsigned char low, unsigned char high) {
  return byte >= low && byte <= high;
}

// The length of the well-formed UTF-8 sequence at `p` (Unicode table 3-7), or 0 when it is
// ill-formed: a stray continuation byte, an overlong form, a surrogate, a code point above
// U+10FFFF, or a sequence cut short by the end of the input (`available` bytes).
std::size_t utf8_sequence_length(const unsigned char* p, std::size_t available) {
  const unsigned char lead = p[0];
  if (lead < 0x80) {
    return 1;
  }
  if (in_range(lead, 0xC2, 0xDF)) {
    return available >= 2 && is_continuation(p[1]) ? 2 : 0;
  }
  if (in_range(lead, 0xE0, 0xEF)) {
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return available >= 3 && in_range(p[1], low, high) && is_continuation(p[2]) ? 3 : 0;
  }
  if (in_range(lead, 0xF0, 0xF4)) {
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return available >= 4 && in_range(p[1], low, high) && is_continuation(p[2]) &&
                   is_continuation(p[3])
               ? 4
               : 0;
  }
  return 0;
}

// Whether `bytes` holds at least one well-formed multi-byte UTF-8 sequence.
bool has_utf8_multibyte_sequence(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (p[i] >= 0xC2 && utf8_sequence_length(p + i, bytes.size() - i) > 1) {
      return true;
    }
  }
  return false;
}

ConverterPtr open_converter(std::string_view encoding) {
  const std::string name(encoding);
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status) || !converter) {
    throw DecodeError(DecodeError::Kind::unknown_encoding, 0,
                      fmt::format("unknown encoding '{}' (expected an ICU converter name such "
                                  "as windows-1252, ISO-8859-1, UTF-16LE)",
                                  encoding));
  }
  return converter;
}

// The name researchers know `converter` by: MIME, else IANA, else ICU's own.
std::string canonical_name(const UConverter* converter) {
  UErrorCode status = U_ZERO_ERROR;
  const char* icu_name = ucnv_getName(converter, &status);
  if (U_FAILURE(status) || !icu_name) {
    return "unknown";
  }
  for (const char* standard : {"MIME", "IANA"}) {
    status = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(icu_name, standard, &status);
    if (U_SUCCESS(status) && name) {
      return name;
    }
  }
  return icu_name;
}

const char* describe_fault(UErrorCode status) {
  switch (status) {
  case U_TRUNCATED_CHAR_FOUND:
    return "truncated byte sequence";
  case U_INVALID_CHAR_FOUND:
    return "byte sequence with no Unicode mapping";
  default:
    return "invalid byte sequence";
  }
}

std::string utf16_to_utf8(const std::u16string& utf16) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strToUTF8WithSub(nullptr, 0, &length, utf16.data(), static_cast<int32_t>(utf16.size()), 0xFFFD,
                     nullptr, &status);
  std::string utf8(static_cast<std::size_t>(length), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(utf8.data(), length, nullptr, utf16.data(), static_cast<int32_t>(utf16.size()),
                     0xFFFD, nullptr, &status);
  if (U_FAILURE(status)) {
    throw Error(fmt::format("cannot convert text to UTF-8: {}", u_errorName(status)));
  }
  return utf8;
}

// Converts `bytes` with `converter` into `utf8`, stopping at the first byte sequence the
// converter cannot read.
std::optional<ConversionFault> convert_to_utf8(UConverter* converter, std::string_view bytes,
                                               std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string utf16(bytes.size() + 16, u'\0');
  const char* source = bytes.data();
  const char* const source_end = source + bytes.size();
  std::size_t written = 0;
  for (;;) {
    UChar* target = utf16.data() + written;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter, &target, utf16.data() + utf16.size(), &source, source_end, nullptr,
                   true, &status);
    written = static_cast<std::size_t>(target - utf16.data());
    if (status != U_BUFFER_OVERFLOW_ERROR) {
      break;
    }
    utf16.resize(utf16.size() * 2);
  }
  if (U_FAILURE(status)) {
    char invalid[32];
    int8_t invalid_length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter, invalid, &invalid_length, &ignored);
    const auto consumed = static_cast<std::size_t>(source - bytes.data());
    const auto bad_length = U_SUCCESS(ignored) ? static_cast<std::size_t>(invalid_length) : 0;
    return ConversionFault{consumed - std::min(bad_length, consumed), describe_fault(status)};
  }
  utf16.resize(written);
  utf8 = utf16_to_utf8(utf16);
  return std::nullopt;
}

std::string invalid_utf8_message(std::size_t offset) {
  return fmt::format("not valid UTF-8: invalid byte sequence at offset {} (pass --encoding to "
                     "read it as a legacy encoding)",
                     offset);
}

// `bytes` read with the ICU converter `encoding`; offsets in errors are shifted by `base`
// (the length of a byte-order mark the caller removed).
DecodedText decode_with(std::string_view bytes, std::string_view encoding, EncodingSource source,
                        std::size_t base) {
  ConverterPtr converter = open_converter(encoding);
  DecodedText decoded;
  decoded.encoding = canonical_name(converter.get());
  decoded.source = source;
  if (decoded.encoding == "UTF-8") {
    if (const std::size_t bad = find_invalid_utf8(bytes); bad != std::string_view::npos) {
      throw DecodeError(
          DecodeError::Kind::invalid, base + bad,
          fmt::format("not valid UTF-8: invalid byte sequence at offset {}", base + bad));
    }
    decoded.text.assign(bytes);
    return decoded;
  }
  if (auto fault = convert_to_utf8(converter.get(), bytes, decoded.text)) {
    throw DecodeError(DecodeError::Kind::invalid, base + fault->offset,
                      fmt::format("not valid {}: {} at offset {}", decoded.encoding, fault->what,
                                  base + fault->offset));
  }
  return decoded;
}

const ByteOrderMark* find_byte_order_mark(std::string_view bytes) {
  for (const ByteOrderMark& mark : k_byte_order_marks) {
    if (bytes.starts_with(mark.bytes)) {
      return &mark;
    }
  }
  return nullptr;
}

// Whether a forced encoding named `forced` agrees with a byte-order mark for `marked`.
bool agrees_with_mark(std::string_view forced, std::string_view marked) {
  return forced == marked || (forced == "UTF-16" && marked.starts_with("UTF-16")) ||
         (forced == "UTF-32" && marked.starts_with("UTF-32"));
}

DecodedText decode_marked(std::string_view bytes, const ByteOrderMark& mark,
                          std::string_view forced) {
  std::string forced_name;
  if (!forced.empty()) {
    forced_name = canonical_name(open_converter(forced).get());
  }
  DecodedText decoded = decode_with(bytes.substr(mark.bytes.size()), mark.encoding,
                                    EncodingSource::bom, mark.bytes.size());
  if (!forced_name.empty() && !agrees_with_mark(forced_name, decoded.encoding)) {
    decoded.warning = fmt::format("the byte-order mark says {}; --encoding {} was ignored",
                                  decoded.encoding, forced_name);
  }
  return decoded;
}

// ICU's best guess for `bytes` that is not a Unicode encoding (the caller has ruled those
// out), as a name and a confidence from 0 to 100.
struct CharsetGuess {
  std::string name;
  int confidence;
};

std::optional<CharsetGuess> guess_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  DetectorPtr detector(ucsdet_open(&status));
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  if (U_FAILURE(status)) {
    return std::nullopt;
  }
  for (int32_t i = 0; i < count; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    const int confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_SUCCESS(status) && name && !std::string_view(name).starts_with("UTF-")) {
      return CharsetGuess{name, confidence};
    }
  }
  return std::nullopt;
}

bool is_latin_single_byte(std::string_view charset) {
  for (std::string_view latin : {"ISO-8859-1", "ISO-8859-2", "ISO-8859-9", "ISO-8859-15",
                                 "windows-1250", "windows-1252", "windows-1254"}) {
    if (charset == latin) {
      return true;
    }
  }
  return false;
}

// Reads `bytes` in the guessed `encoding` into `decoded`, with a warning giving `reason`.
std::optional<ConversionFault> decode_detected(std::string_view bytes, std::string_view encoding,
                                               std::string_view reason, DecodedText& decoded) {
  ConverterPtr converter = open_converter(encoding);
  decoded.encoding = canonical_name(converter.get());
  decoded.source = EncodingSource::detected;
  decoded.warning = fmt::format("not valid UTF-8; decoded as {} ({})", decoded.encoding, reason);
  return convert_to_utf8(converter.get(), bytes, decoded.text);
}

DecodeError not_that_either(const DecodedText& attempt, const ConversionFault& fault) {
  return DecodeError(DecodeError::Kind::invalid, fault.offset,
                     fmt::format("not valid UTF-8, and not valid {} either: {} at offset {} "
                                 "(pass --encoding to choose the encoding)",
                                 attempt.encoding, fault.what, fault.offset));
}

// Reads `bytes`, which are not UTF-8 (the first invalid sequence is at `first_invalid`), in
// the encoding ICU's detector suggests, if that is safe; the warning says what was guessed.
DecodedText decode_guessed(std::string_view bytes, std::size_t first_invalid) {
  const std::optional<CharsetGuess> guess = guess_charset(bytes);
  const bool has_utf8_structure = has_utf8_multibyte_sequence(bytes);
  DecodedText decoded;
  if (guess && !is_latin_single_byte(guess->name) &&
      guess->confidence >= k_min_detector_confidence) {
    const std::string reason =
        fmt::format("ICU's charset detector, confidence {}", guess->confidence);
    const auto fault = decode_detected(bytes, guess->name, reason, decoded);
    if (!fault) {
      return decoded;
    }
    if (!has_utf8_structure) {
      throw not_that_either(decoded, *fault);
    }
  }
  if (has_utf8_structure) {
    throw DecodeError(DecodeError::Kind::invalid, first_invalid,
                      invalid_utf8_message(first_invalid));
  }
  if (guess && is_latin_single_byte(guess->name)) {
    constexpr std::string_view latin = "windows-1252";
    const std::string reason =
        guess->name == latin
            ? fmt::format("ICU's charset detector, confidence {}", guess->confidence)
            : fmt::format("ICU guessed {}, confidence {}; legacy Latin text is read as "
                          "windows-1252, use --encoding to choose another",
                          guess->name, guess->confidence);
    if (const auto fault = decode_detected(bytes, latin, reason, decoded)) {
      throw not_that_either(decoded, *fault);
    }
    return decoded;
  }
  const std::string hint = guess ? fmt::format("ICU's best guess, {}, has confidence {} only",
                                               guess->name, guess->confidence)
                                 : std::string("ICU's charset detector has no guess");
  throw DecodeError(DecodeError::Kind::invalid, first_invalid,
                    fmt::format("not valid UTF-8: invalid byte sequence at offset {}, and {} "
                                "(pass --encoding to read it as a legacy encoding)",
                                first_invalid, hint));
}

DecodedText decode_unmarked(std::string_view bytes) {
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    throw DecodeError(DecodeError::Kind::binary, nul,
                      fmt::format("binary file (NUL byte at offset {})", nul));
  }
  const std::size_t bad = find_invalid_utf8(bytes);
  if (bad == std::string_view::npos) {
    return DecodedText{std::string(bytes), "UTF-8", EncodingSource::utf8, {}};
  }
  return decode_guessed(bytes, bad);
}

void normalize_newlines_in_place(std::string& text) {
  std::size_t out = text.find('\r');
  if (out == std::string::npos) {
    return;
  }
  const std::size_t size = text.size();
  for (std::size_t in = out; in < size; ++in) {
    if (text[in] != '\r') {
      text[out++] = text[in];
      continue;
    }
    text[out++] = '\n';
    if (in + 1 < size && text[in + 1] == '\n') {
      ++in;
    }
  }
  text.resize(out);
}

const icu::Normalizer2& nfc_normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || !nfc) {
    throw Error(fmt::format("cannot load ICU's NFC data: {}", u_errorName(status)));
  }
  return *nfc;
}

// Whether every non-ASCII character of valid UTF-8 `text` is NFC_Quick_Check=Yes with
// canonical combining class 0: then the text is in NFC (UAX #15's quick check answers Yes)
// without running the normaliser. True of nearly all text that is not decomposed: curly
// quotes, dashes, accented letters written precomposed.
bool is_plainly_nfc(std::string_view text) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    i +=
        static_cast<int32_t>(detail::ascii_prefix_length(text.substr(static_cast<std::size_t>(i))));
    if (i == length) {
      break;
    }
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0 || u_getCombiningClass(c) != 0 ||
        u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
      return false;
    }
  }
  return true;
}

void normalize_nfc_in_place(std::string& text) {
  const std::size_t ascii = detail::ascii_prefix_length(text);
  if (ascii == text.size() || is_plainly_nfc(std::string_view(text).substr(ascii))) {
    return;
  }
  const icu::Normalizer2& nfc = nfc_normalizer();
  // Composition can reach back to the last starter, so recheck from the last ASCII byte.
  const std::size_t from = ascii == 0 ? 0 : ascii - 1;
  const icu::StringPiece tail(text.data() + from, static_cast<int32_t>(text.size() - from));
  UErrorCode status = U_ZERO_ERROR;
  if (nfc.isNormalizedUTF8(tail, status) && U_SUCCESS(status)) {
    return;
  }
  std::string normalized(text, 0, from);
  normalized.reserve(text.size());
  icu::StringByteSink<std::string> sink(&normalized);
  status = U_ZERO_ERROR;
  nfc.normalizeUTF8(0, tail, sink, nullptr, status);
  if (U_FAILURE(status)) {
    throw Error(fmt::format("cannot normalise text to NFC: {}", u_errorName(status)));
  }
  text.swap(normalized);
}

} // namespace

DecodedText decode(std::string_view bytes, std::string_view encoding) {
  DecodedText decoded;
  if (const ByteOrderMark* mark = find_byte_order_mark(bytes)) {
    decoded = decode_marked(bytes, *mark, encoding);
  } else if (!encoding.empty()) {
    decoded = decode_with(bytes, encoding, EncodingSource::forced, 0);
  } else {
    decoded = decode_unmarked(bytes);
  }
  normalize_newlines_in_place(decoded.text);
  normalize_nfc_in_place(decoded.text);
  return decoded;
}

DecodedText decode_owned(std::string bytes, std::string_view encoding) {
  // Most documents are pure ASCII: valid UTF-8 and NFC as they stand.
  const bool ascii = detail::is_ascii(bytes);
  if (!encoding.empty() || (!ascii && find_byte_order_mark(bytes)) ||
      bytes.find('\0') != std::string::npos ||
      (!ascii && find_invalid_utf8(bytes) != std::string::npos))
    return decode(bytes, encoding);
  DecodedText decoded{std::move(bytes), "UTF-8", EncodingSource::utf8, {}};
  normalize_newlines_in_place(decoded.text);
  if (!ascii)
    normalize_nfc_in_place(decoded.text);
  return decoded;
}

std::size_t find_invalid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  std::size_t i = 0;
  for (;;) {
    i += detail::ascii_prefix_length(bytes.substr(i));
    if (i == size) {
      return std::string_view::npos;
    }
    const std::size_t length = utf8_sequence_length(p + i, size - i);
    if (length == 0) {
      return i;
    }
    i += length;
  }
}

std::string normalize_newlines(std::string_view text) {
  std::string result(text);
  normalize_newlines_in_place(result);
  return result;
}

std::string to_nfc(std::string_view text) {
  std::string result(text);
  normalize_nfc_in_place(result);
  return result;
}

} // namespace koda::text

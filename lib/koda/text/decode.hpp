#pragma once

#include "koda/error.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace koda::text {

// How the encoding of a document was decided.
enum class EncodingSource {
  utf8,     // valid UTF-8 without a BOM
  bom,      // a UTF-8, UTF-16LE or UTF-16BE byte-order mark
  forced,   // the caller named the encoding (`--encoding`)
  detected, // not valid UTF-8; guessed with ICU's charset detector
};

// Text decoded to UTF-8 with LF line ends, NFC-normalised, and how that was done.
struct DecodedText {
  std::string text;
  std::string encoding; // canonical name: "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1252", ...
  EncodingSource source = EncodingSource::utf8;
  std::string warning; // non-empty when the encoding was guessed; names no file
};

// Why bytes could not be decoded; `offset` is the byte offset of the fault.
class DecodeError : public Error {
public:
  enum class Kind { binary, invalid, unknown_encoding };
  DecodeError(Kind kind, std::size_t offset, const std::string& message)
      : Error(message), m_kind(kind), m_offset(offset) {}
  Kind kind() const { return m_kind; }
  std::size_t offset() const { return m_offset; }

private:
  Kind m_kind;
  std::size_t m_offset;
};

// Decodes the raw `bytes` of a document; `encoding` names an ICU converter to force, or is
// empty to decide from the BOM, UTF-8 validity and charset detection. Throws DecodeError.
DecodedText decode(std::string_view bytes, std::string_view encoding = {});

// The same for bytes the caller gives up: valid UTF-8 without a byte order mark becomes the
// text without being copied.
DecodedText decode_owned(std::string bytes, std::string_view encoding = {});

// The byte offset of the first invalid UTF-8 sequence in `bytes`, or npos when valid.
std::size_t find_invalid_utf8(std::string_view bytes);

// `text` with CRLF and lone CR turned into LF.
std::string normalize_newlines(std::string_view text);

// `text` (valid UTF-8) in Unicode Normalization Form C; ASCII input is returned as is.
std::string to_nfc(std::string_view text);

} // namespace koda::text

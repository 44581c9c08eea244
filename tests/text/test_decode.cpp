#include "koda/text/decode.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using koda::text::decode;
using koda::text::decode_owned;
using koda::text::DecodedText;
using koda::text::DecodeError;
using koda::text::EncodingSource;
using koda::text::find_invalid_utf8;
using koda::text::normalize_newlines;
using koda::text::to_nfc;

namespace {

constexpr auto npos = std::string_view::npos;

// Bytes from a literal that may contain NUL bytes.
template <std::size_t N> std::string_view bytes(const char (&literal)[N]) {
  return {literal, N - 1};
}

// The DecodeError that decoding `input` throws; fails the test when it does not throw.
DecodeError decode_error(std::string_view input, std::string_view encoding = {}) {
  try {
    const DecodedText decoded = decode(input, encoding);
    FAIL("decoding succeeded with text: " << decoded.text);
  } catch (const DecodeError& error) {
    return error;
  }
  return DecodeError(DecodeError::Kind::binary, 0, "unreachable");
}

} // namespace

TEST_SUITE("text::decode") {

  TEST_CASE("valid UTF-8 is taken as is") {
    SUBCASE("ASCII") {
      const DecodedText decoded = decode("Peneliti: Apa kabar?\nInforman: Baik.\n");
      CHECK(decoded.text == "Peneliti: Apa kabar?\nInforman: Baik.\n");
      CHECK(decoded.encoding == "UTF-8");
      CHECK(decoded.source == EncodingSource::utf8);
      CHECK(decoded.warning.empty());
    }
    SUBCASE("non-ASCII") {
      const DecodedText decoded = decode("Kafé “BKM” – 😀 日本語");
      CHECK(decoded.text == "Kafé “BKM” – 😀 日本語");
      CHECK(decoded.encoding == "UTF-8");
      CHECK(decoded.source == EncodingSource::utf8);
      CHECK(decoded.warning.empty());
    }
    SUBCASE("empty") {
      const DecodedText decoded = decode("");
      CHECK(decoded.text.empty());
      CHECK(decoded.encoding == "UTF-8");
      CHECK(decoded.source == EncodingSource::utf8);
    }
  }

  TEST_CASE("a byte-order mark decides the encoding") {
    SUBCASE("UTF-8") {
      const DecodedText decoded = decode("\xEF\xBB\xBFHal\xC3\xA9");
      CHECK(decoded.text == "Halé");
      CHECK(decoded.encoding == "UTF-8");
      CHECK(decoded.source == EncodingSource::bom);
      CHECK(decoded.warning.empty());
    }
    SUBCASE("UTF-16LE, with a surrogate pair and CRLF") {
      const DecodedText decoded = decode(bytes("\xFF\xFE"
                                               "H\0i\0\r\0\n\0\xE9\0\x3D\xD8\x00\xDE"));
      CHECK(decoded.text == "Hi\né😀");
      CHECK(decoded.encoding == "UTF-16LE");
      CHECK(decoded.source == EncodingSource::bom);
      CHECK(decoded.warning.empty());
    }
    SUBCASE("UTF-16BE") {
      const DecodedText decoded = decode(bytes("\xFE\xFF\0H\0i\x20\x14\0\r"));
      CHECK(decoded.text == "Hi—\n");
      CHECK(decoded.encoding == "UTF-16BE");
      CHECK(decoded.source == EncodingSource::bom);
    }
    SUBCASE("UTF-32LE, whose mark begins like UTF-16LE's") {
      const DecodedText decoded = decode(bytes("\xFF\xFE\0\0"
                                               "a\0\0\0\x00\xF6\x01\0"));
      CHECK(decoded.text == "a😀");
      CHECK(decoded.encoding == "UTF-32LE");
      CHECK(decoded.source == EncodingSource::bom);
    }
    SUBCASE("the mark wins over a different forced encoding, with a warning") {
      const DecodedText decoded = decode("\xEF\xBB\xBFsiap", "cp1252");
      CHECK(decoded.text == "siap");
      CHECK(decoded.encoding == "UTF-8");
      CHECK(decoded.source == EncodingSource::bom);
      CHECK(decoded.warning ==
            "the byte-order mark says UTF-8; --encoding windows-1252 was ignored");
    }
    SUBCASE("a forced encoding that agrees with the mark gives no warning") {
      const DecodedText decoded = decode(bytes("\xFF\xFEo\0k\0"), "UTF-16");
      CHECK(decoded.text == "ok");
      CHECK(decoded.encoding == "UTF-16LE");
      CHECK(decoded.warning.empty());
    }
    SUBCASE("a forced name is still checked") {
      const DecodeError error = decode_error("\xEF\xBB\xBFsiap", "nonsense");
      CHECK(error.kind() == DecodeError::Kind::unknown_encoding);
    }
    SUBCASE("invalid UTF-8 after the mark; the offset counts the mark") {
      const DecodeError error = decode_error("\xEF\xBB\xBF"
                                             "ab\xC3(");
      CHECK(error.kind() == DecodeError::Kind::invalid);
      CHECK(error.offset() == 5);
      CHECK(std::string(error.what()) == "not valid UTF-8: invalid byte sequence at offset 5");
    }
    SUBCASE("UTF-16LE cut in the middle of a code unit") {
      const DecodeError error = decode_error(bytes("\xFF\xFEo\0k"));
      CHECK(error.kind() == DecodeError::Kind::invalid);
      CHECK(error.offset() == 4);
      CHECK(std::string(error.what()) == "not valid UTF-16LE: truncated byte sequence at offset 4");
    }
    SUBCASE("UTF-16LE with an unpaired surrogate") {
      const DecodeError error = decode_error(bytes("\xFF\xFEo\0\x3D\xD8k\0"));
      CHECK(error.kind() == DecodeError::Kind::invalid);
      CHECK(error.offset() == 4);
      CHECK(std::string(error.what()) == "not valid UTF-16LE: invalid byte sequence at offset 4");
    }
  }

  TEST_CASE("a forced encoding is read with ICU under its canonical name") {
    SUBCASE("windows-1252 curly quotes, en dash and rupiah, as cp1252") {
      const DecodedText decoded = decode("Dana \x93"
                                         "BLM\x94 \x96 Rp 1.500.000 untuk caf\xE9",
                                         "cp1252");
      CHECK(decoded.text == "Dana “BLM” – Rp 1.500.000 untuk café");
      CHECK(decoded.encoding == "windows-1252");
      CHECK(decoded.source == EncodingSource::forced);
      CHECK(decoded.warning.empty());
    }
    SUBCASE("latin1 is reported by its MIME name") {
      const DecodedText decoded = decode("na\xEFve", "latin1");
      CHECK(decoded.text == "naïve");
      CHECK(decoded.encoding == "ISO-8859-1");
      CHECK(decoded.source == EncodingSource::forced);
    }
    SUBCASE("UTF-16LE without a mark") {
      const DecodedText decoded = decode(bytes("o\0k\0"), "utf-16le");
      CHECK(decoded.text == "ok");
      CHECK(decoded.encoding == "UTF-16LE");
    }
    SUBCASE("forced UTF-8 is validated") {
      const DecodedText decoded = decode("caf\xC3\xA9", "utf8");
      CHECK(decoded.text == "café");
      CHECK(decoded.encoding == "UTF-8");
      CHECK(decoded.source == EncodingSource::forced);
      const DecodeError error = decode_error("caf\xE9", "utf8");
      CHECK(error.kind() == DecodeError::Kind::invalid);
      CHECK(error.offset() == 3);
      CHECK(std::string(error.what()) == "not valid UTF-8: invalid byte sequence at offset 3");
    }
    SUBCASE("a byte sequence the converter rejects is reported at its offset") {
      const DecodeError error = decode_error("ab\x82\xFF"
                                             "cd",
                                             "Shift_JIS");
      CHECK(error.kind() == DecodeError::Kind::invalid);
      CHECK(error.offset() == 2);
      CHECK(std::string(error.what()) == "not valid Shift_JIS: invalid byte sequence at offset 2");
    }
    SUBCASE("a truncated multi-byte character") {
      const DecodeError error = decode_error("abc\x82", "Shift_JIS");
      CHECK(error.offset() == 3);
      CHECK(std::string(error.what()) ==
            "not valid Shift_JIS: truncated byte sequence at offset 3");
    }
    SUBCASE("an unknown name") {
      const DecodeError error = decode_error("abc", "xyz");
      CHECK(error.kind() == DecodeError::Kind::unknown_encoding);
      CHECK(error.offset() == 0);
      CHECK(std::string(error.what()) ==
            "unknown encoding 'xyz' (expected an ICU converter name such as windows-1252, "
            "ISO-8859-1, UTF-16LE)");
    }
  }

  TEST_CASE("text that is not UTF-8 is detected") {
    SUBCASE("an Indonesian windows-1252 transcript that ICU takes for windows-1254") {
      const DecodedText decoded =
          decode("Peneliti: Bagaimana pelaksanaan program di desa ini?\r\n"
                 "Informan: Menurut saya, kegiatan \x93sosialisasi\x94 sudah berjalan \x96 tapi "
                 "dana Rp 1.500.000 belum cukup.\r\n");
      CHECK(decoded.text == "Peneliti: Bagaimana pelaksanaan program di desa ini?\n"
                            "Informan: Menurut saya, kegiatan “sosialisasi” sudah berjalan – tapi "
                            "dana Rp 1.500.000 belum cukup.\n");
      CHECK(decoded.encoding == "windows-1252");
      CHECK(decoded.source == EncodingSource::detected);
      CHECK(decoded.warning ==
            "not valid UTF-8; decoded as windows-1252 (ICU guessed windows-1254, confidence 35; "
            "legacy Latin text is read as windows-1252, use --encoding to choose another)");
    }
    SUBCASE("English windows-1252 that ICU recognises") {
      const DecodedText decoded =
          decode("The meeting was \x93productive\x94 \x96 everyone agreed that the community "
                 "caf\xE9 should be opened next month, and the budget was approved by the "
                 "committee.");
      CHECK(decoded.text == "The meeting was “productive” – everyone agreed that the community "
                            "café should be opened next month, and the budget was approved by "
                            "the committee.");
      CHECK(decoded.encoding == "windows-1252");
      CHECK(decoded.source == EncodingSource::detected);
      CHECK(decoded.warning ==
            "not valid UTF-8; decoded as windows-1252 (ICU's charset detector, confidence 72)");
    }
    SUBCASE("French ISO-8859-1 is read as windows-1252") {
      const DecodedText decoded = decode("Caf\xE9 na\xEFve r\xE9sum\xE9 \xE0 la fran\xE7"
                                         "aise, c'est tr\xE8s bien pour les \xE9tudiants de "
                                         "l'universit\xE9.");
      CHECK(decoded.text == "Café naïve résumé à la française, c'est très bien pour les "
                            "étudiants de l'université.");
      CHECK(decoded.encoding == "windows-1252");
      CHECK(decoded.warning ==
            "not valid UTF-8; decoded as windows-1252 (ICU guessed ISO-8859-1, confidence 61; "
            "legacy Latin text is read as windows-1252, use --encoding to choose another)");
    }
    SUBCASE("Russian KOI8-R") {
      const DecodedText decoded =
          decode("\xF0\xD2\xC9\xD7\xC5\xD4, \xCB\xC1\xCB \xC4\xC5\xCC\xC1? \xFC\xD4\xCF "
                 "\xD4\xC5\xD3\xD4\xCF\xD7\xD9\xCA \xD4\xC5\xCB\xD3\xD4 \xCE\xC1 "
                 "\xD2\xD5\xD3\xD3\xCB\xCF\xCD \xD1\xDA\xD9\xCB\xC5.");
      CHECK(decoded.text == "Привет, как дела? Это тестовый текст на русском языке.");
      CHECK(decoded.encoding == "KOI8-R");
      CHECK(decoded.source == EncodingSource::detected);
      CHECK(decoded.warning ==
            "not valid UTF-8; decoded as KOI8-R (ICU's charset detector, confidence 50)");
    }
    SUBCASE("Shift_JIS, although some of its byte pairs are valid UTF-8") {
      // 0xCC 0x83 (the end of 語 and the start of テ) is a well-formed UTF-8 sequence.
      const std::string_view shift_jis = "\x93\xFA\x96\x7B\x8C\xEA\x82\xCC\x83\x65\x83\x4C\x83\x58"
                                         "\x83\x67\x82\xC5\x82\xB7\x81\x42";
      REQUIRE(shift_jis.find("\xCC\x83") != npos);
      const DecodedText decoded = decode(shift_jis);
      CHECK(decoded.text == "日本語のテキストです。");
      CHECK(decoded.encoding == "Shift_JIS");
      CHECK(decoded.source == EncodingSource::detected);
      CHECK(decoded.warning ==
            "not valid UTF-8; decoded as Shift_JIS (ICU's charset detector, confidence 100)");
    }
  }

  TEST_CASE("bytes that cannot be decoded are reported at their offset") {
    SUBCASE("a NUL byte means a binary file") {
      const DecodeError error = decode_error(bytes("PK\x03\x04 abc\0def"));
      CHECK(error.kind() == DecodeError::Kind::binary);
      CHECK(error.offset() == 8);
      CHECK(std::string(error.what()) == "binary file (NUL byte at offset 8)");
    }
    SUBCASE("UTF-8 with one windows-1252 byte is broken UTF-8, not a legacy encoding") {
      const DecodeError error = decode_error("Kafé dan pertemuan “penting” — caf\xE9 lagi");
      CHECK(error.kind() == DecodeError::Kind::invalid);
      CHECK(error.offset() == 41);
      CHECK(std::string(error.what()) == "not valid UTF-8: invalid byte sequence at offset 41 "
                                         "(pass --encoding to read it as a legacy encoding)");
    }
    SUBCASE("too little text for the detector") {
      const DecodeError error = decode_error("caf\xE9");
      CHECK(error.kind() == DecodeError::Kind::invalid);
      CHECK(error.offset() == 3);
      CHECK(std::string(error.what()) ==
            "not valid UTF-8: invalid byte sequence at offset 3, and ICU's charset detector has "
            "no guess (pass --encoding to read it as a legacy encoding)");
    }
  }

  TEST_CASE("find_invalid_utf8 finds the first ill-formed sequence") {
    SUBCASE("well-formed text of every sequence length") {
      CHECK(find_invalid_utf8("") == npos);
      CHECK(find_invalid_utf8("plain ASCII text longer than eight bytes") == npos);
      CHECK(find_invalid_utf8("é – 😀 \xED\x9F\xBF \xEF\xBF\xBF \xF4\x8F\xBF\xBF") == npos);
    }
    SUBCASE("a stray continuation byte") { CHECK(find_invalid_utf8("abc\x80") == 3); }
    SUBCASE("after a run of ASCII longer than eight bytes") {
      CHECK(find_invalid_utf8("0123456789abcdefg\xFF") == 17);
    }
    SUBCASE("overlong forms") {
      CHECK(find_invalid_utf8("a\xC0\xAF") == 1);
      CHECK(find_invalid_utf8("ab\xC1\xBF") == 2);
      CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0);
      CHECK(find_invalid_utf8("é\xF0\x80\x80\xAF") == 2);
    }
    SUBCASE("surrogates") {
      CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);
      CHECK(find_invalid_utf8("x\xED\xBF\xBF") == 1);
    }
    SUBCASE("above U+10FFFF") {
      CHECK(find_invalid_utf8("x\xF4\x90\x80\x80") == 1);
      CHECK(find_invalid_utf8("x\xF5\x80\x80\x80") == 1);
      CHECK(find_invalid_utf8("x\xFF") == 1);
    }
    SUBCASE("sequences cut short") {
      CHECK(find_invalid_utf8("x\xE2\x82") == 1);
      CHECK(find_invalid_utf8("x\xE2\x82y") == 1);
      CHECK(find_invalid_utf8("é\xF0\x9F\x98") == 2);
      CHECK(find_invalid_utf8("\xC3") == 0);
    }
  }

  TEST_CASE("line ends become LF") {
    SUBCASE("CRLF, LF and lone CR mixed") {
      CHECK(normalize_newlines("a\r\nb\nc\rd\r\n\r\ne\r") == "a\nb\nc\nd\n\ne\n");
    }
    SUBCASE("CR before CRLF") { CHECK(normalize_newlines("a\r\r\nb") == "a\n\nb"); }
    SUBCASE("no CR") { CHECK(normalize_newlines("a\nb") == "a\nb"); }
    SUBCASE("through decode") {
      CHECK(decode("Peneliti: Apa?\r\nInforman: Ya.\rPeneliti: Oh.\n").text ==
            "Peneliti: Apa?\nInforman: Ya.\nPeneliti: Oh.\n");
    }
  }

  TEST_CASE("text is normalised to NFC") {
    SUBCASE("a combining acute after e") {
      CHECK(to_nfc("e\xCC\x81") == "\xC3\xA9");
      CHECK(to_nfc("Cafe\xCC\x81 ok") == "Café ok");
    }
    SUBCASE("already NFC and ASCII text are unchanged") {
      CHECK(to_nfc("Café ok") == "Café ok");
      CHECK(to_nfc("plain") == "plain");
    }
    SUBCASE("Hangul jamo compose") {
      CHECK(to_nfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == "한");
    }
    SUBCASE("through decode, also from a legacy encoding") {
      CHECK(decode("e\xCC\x81t\xC3\xA9").text == "été");
      CHECK(decode("\xEF\xBB\xBFrésume\xCC\x81").text == "résumé");
    }
  }

  TEST_CASE("decode_owned gives what decode gives, copying nothing when it can") {
    const std::string_view inputs[] = {
        "Peneliti: Apa kabar?\nInforman: Baik.\n",
        "Peneliti: Apa kabar?\r\nInforman: Baik.\r\n",
        "\xEF\xBB\xBFHal\xC3\xA9",
        "Cafe\xCC\x81 ok",
        "Dana \x93"
        "cair\x94"
        " bulan ini, kata Pak RT.",
        bytes("\xFF\xFEo\0k\0"),
        "",
    };
    for (std::string_view input : inputs) {
      CAPTURE(input);
      const DecodedText viewed = decode(input);
      const DecodedText owned = decode_owned(std::string(input));
      CHECK(owned.text == viewed.text);
      CHECK(owned.encoding == viewed.encoding);
      CHECK(owned.source == viewed.source);
      CHECK(owned.warning == viewed.warning);
    }
    CHECK(decode_owned("Peneliti: ok\r\nlagi\r").text == "Peneliti: ok\nlagi\n");
    CHECK(decode_owned("naïve", "latin1").text == "na\xC3\x83\xC2\xAFve");
    CHECK_THROWS_AS(decode_owned(std::string(bytes("ab\0cd"))), DecodeError);
  }

} // TEST_SUITE

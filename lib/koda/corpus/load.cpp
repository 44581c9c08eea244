// Loading is the edge where files become Documents: read bytes, decode once (see
// text/decode.cpp), read front matter, decide the kind, cut units. Everything after this
// sees only NFC UTF-8 text with LF line ends, so every offset in every output refers to
// the same string.
//
// One bad document must never cost the others their results, so load_corpus records
// each failure against its path and carries on; the command decides the exit code.

#include "koda/corpus/load.hpp"

#include "koda/corpus/front_matter.hpp"
#include "koda/corpus/units.hpp"
#include "koda/text/decode.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace koda::corpus {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> split_labels(std::string_view value) {
  std::vector<std::string> labels;
  std::size_t pos = 0;
  while (pos <= value.size()) {
    std::size_t end = value.find_first_of(";,", pos);
    if (end == std::string_view::npos)
      end = value.size();
    std::string_view label = value.substr(pos, end - pos);
    while (!label.empty() && label.front() == ' ')
      label.remove_prefix(1);
    while (!label.empty() && label.back() == ' ')
      label.remove_suffix(1);
    if (!label.empty())
      labels.emplace_back(label);
    pos = end + 1;
  }
  return labels;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty())
      out += separator;
    out += item;
  }
  return out;
}

// `Pimpinan Rapat` → `pimpinan_rapat`: lowercase ASCII, spaces and `/` as `_`.
std::string attribute_key(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == ' ' || c == '/' || c == ',')
      out += out.empty() || out.back() == '_' ? "" : "_";
    else
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Whether a file named `name` is read as a document: .txt, .md or .markdown, any case.
bool is_text_name(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos)
    return false;
  std::string_view ext = name.substr(dot + 1);
  auto is = [&](std::string_view want) {
    return ext.size() == want.size() &&
           std::equal(ext.begin(), ext.end(), want.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == b;
           });
  };
  return is("txt") || is("md") || is("markdown");
}

// `dir` joined with `name` as std::filesystem joins them: no second slash after one.
std::string joined(const std::string& dir, std::string_view name) {
  std::string path = dir;
  if (!path.empty() && path.back() != '/')
    path += '/';
  path += name;
  return path;
}

// Appends the text files under `dir` to `found` in path order, depth first. Each folder's
// entries are sorted by name with a `/` after a folder's name, which is the order of the
// whole paths (`a-b.txt` < `a/x.md` < `a0.md`), so no sort of all paths is needed. Hidden
// entries are skipped; links to files are read, links to folders are not followed; a
// folder that may not be read is skipped. One readdir() pass with the entry types the
// kernel gives takes 7 ms for the 10 k files of the bench corpus, std::filesystem's walk 12.
void walk_folder(const std::string& dir, std::vector<Input>& found,
                 std::vector<std::string>& errors) {
  DIR* stream = ::opendir(dir.c_str());
  if (stream == nullptr) {
    if (errno != EACCES && errno != EPERM)
      errors.push_back(fmt::format("{}: cannot read directory: {}", dir, std::strerror(errno)));
    return;
  }
  struct Entry {
    std::string key; // the name, with `/` after a folder's
    bool folder;
  };
  std::vector<Entry> entries;
  errno = 0;
  while (const dirent* entry = ::readdir(stream)) {
    std::string_view name = entry->d_name;
    if (name.empty() || name[0] == '.')
      continue;
    unsigned char type = entry->d_type;
    if (type == DT_UNKNOWN || type == DT_LNK) {
      // Some file systems do not say; a link is followed to a file, never to a folder.
      struct stat info {};
      const std::string path = joined(dir, name);
      if (type == DT_UNKNOWN && ::lstat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        type = DT_DIR;
      else if (::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode))
        type = DT_REG;
      else
        continue;
    }
    if (type == DT_DIR)
      entries.push_back({std::string(name) + '/', true});
    else if (type == DT_REG && is_text_name(name))
      entries.push_back({std::string(name), false});
  }
  const int read_error = errno;
  ::closedir(stream);
  if (read_error != 0)
    errors.push_back(fmt::format("{}: cannot read directory: {}", dir, std::strerror(read_error)));
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  for (Entry& entry : entries) {
    if (entry.folder) {
      entry.key.pop_back();
      walk_folder(joined(dir, entry.key), found, errors);
    } else {
      found.push_back({joined(dir, entry.key), true});
    }
  }
}

void walk_directory(const std::string& root, Inputs& inputs) {
  DIR* stream = ::opendir(root.c_str());
  if (stream == nullptr) {
    inputs.errors.push_back(
        fmt::format("{}: cannot read directory: {}", root, std::strerror(errno)));
    return;
  }
  ::closedir(stream);
  const std::size_t before = inputs.files.size();
  walk_folder(root, inputs.files, inputs.errors);
  if (inputs.files.size() == before)
    inputs.errors.push_back(fmt::format("{}: no .txt or .md files in this directory", root));
}

} // namespace

Document parse_document(std::string path, std::string text, const LoadOptions& options) {
  Document doc;
  doc.path = std::move(path);
  doc.text = std::move(text);
  FrontMatter front;
  try {
    front = parse_front_matter(doc.text);
  } catch (const SyntaxError& e) {
    throw LoadError(fmt::format("{}:{}:{}: {}", doc.path, e.line(), e.column(), e.what()), false);
  }
  doc.attributes = std::move(front.attributes);

  if (options.kind) {
    doc.kind = *options.kind;
    doc.kind_source = KindSource::forced;
    doc.kind_reason = "--kind";
  } else if (front.kind) {
    doc.kind = *front.kind;
    doc.kind_source = KindSource::front_matter;
    doc.kind_reason = "";
  } else {
    KindGuess guess = detect_kind(doc.text, front.body_start);
    doc.kind = guess.kind;
    doc.kind_source = guess.kind == Kind::document ? KindSource::fallback : KindSource::detected;
    doc.kind_reason = std::move(guess.reason);
  }

  std::vector<std::string> interviewer_labels;
  if (auto it = doc.attributes.find("interviewer"); it != doc.attributes.end())
    interviewer_labels = split_labels(it->second);
  Structure structure = cut_units(doc.text, front.body_start, doc.kind, interviewer_labels);
  doc.units = std::move(structure.units);
  doc.sections = std::move(structure.sections); // a deque's elements stay where they are
  if (!structure.attendance.empty() && !doc.attributes.count("attendance"))
    doc.attributes["attendance"] = join(structure.attendance, "; ");
  for (const auto& [key, value] : structure.meeting)
    doc.attributes.emplace("meeting." + attribute_key(key), value); // front matter wins
  if (options.unit == UnitMode::sentence)
    split_into_sentences(doc.text, doc.units);
  if (options.attributes)
    options.attributes->apply(doc);
  if (doc.text.empty())
    doc.warnings.push_back("empty file");
  else if (doc.units.empty())
    doc.warnings.push_back("no text outside the front matter");
  return doc;
}

Document load_document(std::string path, std::string bytes, const LoadOptions& options) {
  text::DecodedText decoded;
  try {
    decoded = text::decode_owned(std::move(bytes), options.encoding);
  } catch (const text::DecodeError& e) {
    throw LoadError(fmt::format("{}: {}", path, e.what()),
                    e.kind() == text::DecodeError::Kind::binary);
  }
  Document doc = parse_document(std::move(path), std::move(decoded.text), options);
  doc.encoding = std::move(decoded.encoding);
  doc.encoding_note = std::move(decoded.warning);
  return doc;
}

Inputs expand_inputs(const std::vector<std::string>& paths) {
  Inputs inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.files.push_back({path});
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      inputs.errors.push_back(fmt::format("{}: no such file or directory", path));
    } else if (fs::is_directory(status)) {
      walk_directory(path, inputs);
    } else {
      inputs.files.push_back({path});
    }
  }
  return inputs;
}

std::string read_input(const Input& input) {
  if (input.path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return std::move(buffer).str();
  }
  // One read of the whole file into a buffer of its size: documents are read once, and
  // this is the cheapest way to get them into memory.
  int fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw LoadError(fmt::format("{}: cannot open: {}", input.path, std::strerror(errno)), false);
  auto read_some = [&](char* into, std::size_t wanted) {
    while (true) {
      const ssize_t n = ::read(fd, into, wanted);
      if (n >= 0)
        return static_cast<std::size_t>(n);
      if (errno != EINTR) {
        const int err = errno;
        ::close(fd);
        throw LoadError(fmt::format("{}: read error: {}", input.path, std::strerror(err)), false);
      }
    }
  };
  std::string bytes;
  std::size_t size = 0;
  if (input.regular) {
    // A file the walk found to be regular is first read into this thread's buffer, with no
    // fstat() for its size: a read of a regular file that comes back short has reached its
    // end, and most documents fit. Copying it out costs what zero-filling a string of its
    // size would, and one system call per file (of four) is saved. A larger file goes on
    // below, into a string of its size.
    constexpr std::size_t k_buffer = std::size_t{1} << 18;
    thread_local const std::unique_ptr<char[]> buffer(new char[k_buffer]); // not zeroed
    size = read_some(buffer.get(), k_buffer);
    if (size < k_buffer) {
      ::close(fd);
      return std::string(buffer.get(), size);
    }
    bytes.assign(buffer.get(), size);
  }
  // Read straight into the string, sized for a regular file plus one byte: a read of a
  // regular file that comes back short has reached its end, so one read() is enough. Other
  // inputs (and files that grow) are read until read() returns nothing.
  struct stat info {};
  std::size_t capacity = 1 << 16;
  const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  if (regular)
    capacity = std::max(size, static_cast<std::size_t>(info.st_size)) + 1;
  while (true) {
    if (size == bytes.size())
      bytes.resize(size < capacity ? capacity : size * 2);
    const std::size_t wanted = bytes.size() - size;
    const std::size_t n = read_some(bytes.data() + size, wanted);
    if (n == 0)
      break;
    size += n;
    if (regular && n < wanted)
      break;
  }
  ::close(fd);
  bytes.resize(size);
  return bytes;
}

Corpus load_corpus(const std::vector<std::string>& paths, const LoadOptions& options,
                   unsigned jobs) {
  Inputs inputs = expand_inputs(paths);
  Corpus corpus;
  corpus.errors = std::move(inputs.errors);
  corpus.skipped = corpus.errors.size();

  struct Slot {
    std::optional<Document> document;
    std::string error;
    bool binary = false;
  };
  std::vector<Slot> slots(inputs.files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < slots.size(); i = next++) {
      try {
        std::string bytes = read_input(inputs.files[i]);
        slots[i].document = load_document(inputs.files[i].path, std::move(bytes), options);
      } catch (const LoadError& e) {
        slots[i].error = e.what();
        slots[i].binary = e.binary();
      } catch (const Error& e) {
        slots[i].error = fmt::format("{}: {}", inputs.files[i].path, e.what());
      }
    }
  };
  // Standard input cannot be shared between threads; one reader is enough then.
  bool has_stdin = std::any_of(inputs.files.begin(), inputs.files.end(),
                               [](const Input& in) { return in.path == "-"; });
  unsigned threads = has_stdin ? 1 : std::max(1u, std::min<unsigned>(jobs, slots.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(work);
  work();
  for (std::thread& t : pool)
    t.join();

  for (Slot& slot : slots) {
    if (slot.document) {
      Document& doc = *slot.document;
      if (!doc.encoding_note.empty())
        corpus.warnings.push_back(fmt::format("{}: {}", doc.path, doc.encoding_note));
      for (const std::string& warning : doc.warnings)
        corpus.warnings.push_back(fmt::format("{}: {}", doc.path, warning));
      corpus.documents.push_back(std::move(doc));
    } else if (slot.binary) {
      corpus.warnings.push_back(slot.error + ", skipped");
      ++corpus.skipped;
    } else {
      corpus.errors.push_back(std::move(slot.error));
      ++corpus.skipped;
    }
  }
  return corpus;
}

} // namespace koda::corpus

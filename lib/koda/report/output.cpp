#include "koda/report/output.hpp"

#include "koda/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace koda::report {

namespace {

std::string temporary_beside(const std::string& path, int& fd) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path();
  std::string temp = ((dir.empty() ? fs::path(".") : dir) /
                      fmt::format(".{}.koda-XXXXXX", target.filename().string()))
                         .string();
  fd = ::mkstemp(temp.data());
  if (fd < 0) {
    std::error_code ec;
    if (!dir.empty() && !fs::is_directory(dir, ec))
      throw Error(fmt::format("{}: cannot write there: the folder '{}' does not exist", path,
                              dir.string()));
    throw Error(fmt::format("{}: cannot create a temporary file beside it: {}", path,
                            std::strerror(errno)));
  }
  ::fchmod(fd, 0644);
  return temp;
}

constexpr std::size_t k_flush_bytes = 1 << 20;
// A chunk at least this large is written as it is: a write() costs about what copying
// 32 KiB into the buffer does, and `koda code` hands over each document's records at once.
constexpr std::size_t k_direct_bytes = 32 << 10;

} // namespace

OutputSink::OutputSink(const std::string& path) : m_path(path) {
  if (path.empty() || path == "-")
    return;
  struct stat info {};
  const bool exists = ::stat(path.c_str(), &info) == 0;
  if (exists && S_ISDIR(info.st_mode))
    throw Error(fmt::format("{}: cannot write there: it is a folder, not a file", path));
  if (exists && !S_ISREG(info.st_mode)) {
    m_fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (m_fd < 0)
      throw Error(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
    m_close = true;
    return;
  }
  m_temp = temporary_beside(path, m_fd);
}

OutputSink::~OutputSink() {
  if (!m_temp.empty() && !m_committed) {
    ::close(m_fd);
    ::unlink(m_temp.c_str());
  } else if (m_temp.empty() && !m_committed) {
    try {
      flush();
    } catch (...) {
    }
  }
  if (m_close)
    ::close(m_fd);
}

void OutputSink::write(std::string_view text) {
  // A large chunk goes straight out (after what is buffered).
  if (text.size() >= k_direct_bytes) {
    flush();
    write_all(text);
    return;
  }
  m_buffer.append(text);
  if (m_buffer.size() >= k_flush_bytes)
    flush();
}

void OutputSink::flush() {
  write_all(m_buffer);
  m_buffer.clear();
}

void OutputSink::write_all(std::string_view bytes) {
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(m_fd, data, left);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      throw Error(fmt::format("{}: cannot write: {}",
                              m_temp.empty() && !m_close ? "standard output" : m_path,
                              std::strerror(errno)));
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
}

void OutputSink::commit() {
  flush();
  m_committed = true;
  if (m_temp.empty())
    return;
  bool ok = ::fsync(m_fd) == 0;
  ok = ::close(m_fd) == 0 && ok;
  if (!ok || std::rename(m_temp.c_str(), m_path.c_str()) != 0) {
    int err = errno;
    ::unlink(m_temp.c_str());
    throw Error(fmt::format("{}: cannot write: {}", m_path, std::strerror(err)));
  }
}

bool OutputSink::to_terminal() const { return m_temp.empty() && ::isatty(m_fd) != 0; }

void write_file_atomically(const std::string& path, std::string_view content) {
  OutputSink sink(path);
  sink.write(content);
  sink.commit();
}

void emit(const std::string& path, std::string_view content) {
  OutputSink sink(path);
  sink.write(content);
  sink.commit();
}

} // namespace koda::report

#pragma once

#include <string>
#include <string_view>

namespace koda::report {

// Writes `content` to `path` atomically: into a temporary file in the same folder, then
// renamed over `path`, so a reader never sees a half-written file. Throws koda::Error.
void write_file_atomically(const std::string& path, std::string_view content);

// Writes `content` to standard output, or atomically to `path` when it is not empty.
void emit(const std::string& path, std::string_view content);

} // namespace koda::report

namespace koda::report {

// Where a command's output goes while it is being produced: standard output, or a
// temporary file beside the target that `commit` renames into place. Writes are buffered;
// a sink destroyed without `commit` removes its temporary file, so a failed run leaves
// nothing half-written. A target that exists and is not a regular file (`/dev/null`,
// `/dev/stdout`, a named pipe) is written to directly: renaming over it would replace the
// device or pipe with a file.
class OutputSink {
public:
  // Writes to `path`, or to standard output when `path` is empty or `-`. Creating the
  // temporary file happens here, so a bad path fails before any work. Throws koda::Error.
  explicit OutputSink(const std::string& path);
  ~OutputSink();
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  void write(std::string_view text);
  // Flushes, and renames the temporary file over the target. Throws koda::Error.
  void commit();
  bool to_terminal() const;

private:
  void flush();
  void write_all(std::string_view bytes);

  std::string m_path;
  std::string m_temp;
  int m_fd = 1;
  std::string m_buffer;
  bool m_committed = false;
  bool m_close = false; // m_fd was opened here (a device or pipe named by the path)
};

} // namespace koda::report

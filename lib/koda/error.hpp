#pragma once

#include <stdexcept>
#include <string>

namespace koda {

// The one exception koda's library throws for a failure the user can act on: bad input,
// unreadable files, bad options passed through the API. `main` prints it as
// `koda: error: <what>` and exits 1.
class Error : public std::runtime_error {
public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

} // namespace koda

#pragma once

// The per-thread cache from a token's spelling to what it is to the codebook. Every token
// of every unit is looked up here, so it is an open-addressing table of 32-byte slots
// holding the hash tag, the first 8 bytes of the spelling and the value: a probe for a
// spelling of up to 8 bytes (most words) touches one cache line and nothing else, and a
// hit allocates nothing. Longer spellings compare their rest in a key arena. Not a public
// header.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace koda::coding::detail {

// What one spelling of a token is to the codebook: its stem id and folded-form id (or -1)
// and the one-word atoms it satisfies (a range of Workspace::State::cached_atoms).
struct TokenInfo {
  std::int32_t stem = -1;
  std::int32_t form = -1;
  std::uint32_t atoms_begin = 0;
  std::uint16_t atoms_count = 0;
};

class TokenCache {
public:
  TokenCache() { reset(); }

  static std::uint64_t hash(std::string_view key) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ key.size();
    const char* p = key.data();
    std::size_t n = key.size();
    while (n >= 8) {
      std::uint64_t chunk;
      std::memcpy(&chunk, p, 8);
      h = (h ^ chunk) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
      p += 8;
      n -= 8;
    }
    if (n > 0) {
      std::uint64_t chunk = 0;
      std::memcpy(&chunk, p, n);
      h ^= chunk;
    }
    // MurmurHash3's finaliser: every input bit reaches the low bits used as the index.
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
  }

  // Starts loading the slot where a key with hash `h` would be: lookups of a unit's tokens
  // are latency-bound, so the scanner prefetches them all before looking any up.
  void prefetch(std::uint64_t h) const { __builtin_prefetch(&m_slots[h & m_mask]); }

  // The value cached for `key` (whose hash is `h`), or nullptr.
  const TokenInfo* find(std::string_view key, std::uint64_t h) {
    const std::uint32_t tag = tag_of(h);
    const std::uint64_t head = head_of(key);
    // Frequent words are short: spellings of up to 8 bytes also live in a small
    // direct-mapped table that stays in the L2 cache, so most tokens never touch the big one.
    Hot& hot = m_hot[(h >> 40) & (k_hot_slots - 1)];
    if (key.size() <= 8) {
      if (hot.tag == tag && hot.head == head && hot.length == key.size())
        return &hot.value;
    }
    const TokenInfo* found = find_slot(key, h, tag, head);
    if (found && key.size() <= 8)
      hot = Hot{tag, static_cast<std::uint32_t>(key.size()), head, *found};
    return found;
  }

private:
  const TokenInfo* find_slot(std::string_view key, std::uint64_t h, std::uint32_t tag,
                             std::uint64_t head) const {
    for (std::size_t i = h & m_mask;; i = (i + 1) & m_mask) {
      const Slot& slot = m_slots[i];
      if (slot.tag == 0)
        return nullptr;
      if (slot.tag == tag && slot.head == head && slot.length == key.size() &&
          (key.size() <= 8 ||
           std::memcmp(m_keys.data() + slot.offset, key.data() + 8, key.size() - 8) == 0))
        return &slot.value;
    }
  }

public:
  // Caches `value` for `key` (not yet present) and returns the stored copy.
  const TokenInfo& insert(std::string_view key, std::uint64_t h, const TokenInfo& value) {
    if ((m_size + 1) * 8 > m_slots.size() * 7)
      grow();
    Slot slot;
    slot.tag = tag_of(h);
    slot.head = head_of(key);
    slot.length = static_cast<std::uint32_t>(key.size());
    slot.offset = static_cast<std::uint32_t>(m_keys.size());
    slot.value = value;
    if (key.size() > 8)
      m_keys.append(key.substr(8));
    ++m_size;
    return place(slot, h);
  }

  std::size_t size() const { return m_size; }

  // Forgets everything (to bound memory on corpora with millions of distinct spellings).
  void reset() {
    m_hot.assign(k_hot_slots, Hot{});
    m_slots.assign(1024, Slot{});
    m_mask = m_slots.size() - 1;
    m_keys.clear();
    m_size = 0;
  }

private:
  struct Slot {
    std::uint32_t tag = 0; // 0: empty
    std::uint32_t length = 0;
    std::uint64_t head = 0;   // the first 8 bytes of the spelling, zero-padded
    std::uint32_t offset = 0; // the rest of the spelling in m_keys
    TokenInfo value;
  };
  static_assert(sizeof(Slot) <= 40);
  struct Hot {
    std::uint32_t tag = 0;
    std::uint32_t length = 0;
    std::uint64_t head = 0;
    TokenInfo value;
  };
  static constexpr std::size_t k_hot_slots = 8192;
  std::vector<Hot> m_hot;

  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1u; }
  static std::uint64_t head_of(std::string_view key) {
    std::uint64_t head = 0;
    std::memcpy(&head, key.data(), key.size() < 8 ? key.size() : 8);
    return head;
  }

  const TokenInfo& place(const Slot& slot, std::uint64_t h) {
    for (std::size_t i = h & m_mask;; i = (i + 1) & m_mask) {
      if (m_slots[i].tag == 0) {
        m_slots[i] = slot;
        return m_slots[i].value;
      }
    }
  }

  void grow() {
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    m_mask = m_slots.size() - 1;
    for (const Slot& slot : old) {
      if (slot.tag == 0)
        continue;
      // Rebuild the full hash from the key to find the new home.
      std::string key(reinterpret_cast<const char*>(&slot.head), slot.length < 8 ? slot.length : 8);
      if (slot.length > 8)
        key.append(m_keys, slot.offset, slot.length - 8);
      place(slot, hash(key));
    }
  }

  std::vector<Slot> m_slots;
  std::size_t m_mask = 0;
  std::string m_keys;
  std::size_t m_size = 0;
};

} // namespace koda::coding::detail

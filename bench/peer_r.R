#!/usr/bin/env Rscript
# The R tokenise-stem-lookup peer for koda's benchmark (optional: needs Debian's
# r-cran-stringi and r-cran-snowballc).
#
#   Rscript bench/peer_r.R TERMS.tsv FILES.txt OUT.tsv
#
# TERMS.tsv is the codebook's code terms as a table, written by
#   /usr/bin/python3 bench/peer_python.py -c CODEBOOK --dump-terms TERMS.tsv
# (bench/run.py does that). Per document, as peer_python.py: drop the front matter and the
# interviewer's turns, turn a reduplication X-X into X, split into words with stringi's ICU
# word boundaries, case-fold, stem every distinct type once with SnowballC (Indonesian),
# then count, per code: bare words by stem, =words by surface form, word* by prefix,
# phrases as consecutive stems, a NEAR/n b as occurrences of a with b at most n tokens away.
# Writes one line per document (path, tokens, hits, code=n ...) and a summary on stderr.

suppressMessages({
  library(stringi)
  library(SnowballC)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: peer_r.R TERMS.tsv FILES.txt OUT.tsv")
t0 <- Sys.time()
terms <- read.delim(args[1], quote = "", stringsAsFactors = FALSE, na.strings = character(),
                    colClasses = "character")
files <- readLines(args[2])
out <- file(args[3], "w", encoding = "UTF-8")

stem <- function(x) wordStem(x, language = "indonesian")
fold <- function(x) stri_trans_casefold(x)
terms$key <- fold(terms$text)
is_stem <- terms$kind == "stem"
terms$key[is_stem] <- stem(terms$key[is_stem])
direct <- terms[terms$rule == "" & terms$kind != "phrase", ]
phrases <- terms[terms$kind == "phrase", ]
phrase_stems <- lapply(stri_split_fixed(phrases$key, " "), stem)
near <- terms[terms$rule != "", ]
near_rules <- unique(near[, c("rule", "code", "n")])
near_split <- lapply(near_rules$rule, function(x) as.list(near[near$rule == x, c("kind", "key", "side")]))
d_stem <- direct$kind == "stem"
d_surface <- direct$kind == "surface"
d_prefix <- direct$kind == "prefix"
codes <- unique(terms$code)

interviewer_labels <- c("peneliti", "pewawancara", "interviewer", "p", "q")
label_re <- "^(?:\\[?\\d{1,2}:\\d{2}(?::\\d{2})?\\]?\\s*)?([^\\n:]{1,40}):[ \\t]"
cache <- new.env(hash = TRUE, size = 262144L)
n_tokens <- 0
n_hits <- 0
n_bytes <- 0

positions <- function(kind, key, toks, st) {
  if (kind == "stem") which(st == key)
  else if (kind == "surface") which(toks == key)
  else which(startsWith(toks, key))
}

for (path in files) {
  n_bytes <- n_bytes + file.size(path)
  txt <- readChar(path, file.size(path), useBytes = TRUE)
  Encoding(txt) <- "UTF-8"
  who <- interviewer_labels
  fm <- stri_match_first_regex(txt, "^---\\n([\\s\\S]*?)\\n---\\n")
  if (!is.na(fm[1, 1])) {
    iv <- stri_match_first_regex(fm[1, 2], "(?m)^interviewer:\\s*(.*)$")[1, 2]
    if (!is.na(iv)) who <- c(who, fold(stri_trim_both(iv)))
    txt <- stri_sub(txt, stri_length(fm[1, 1]) + 1)
  }
  lines <- stri_split_lines1(txt)
  lab <- stri_match_first_regex(lines, label_re)
  is_label <- !is.na(lab[, 1])
  speaker <- ifelse(is_label, fold(stri_trim_both(lab[, 2])), NA_character_)
  turn <- cumsum(is_label)
  turn_speaker <- c("", speaker[is_label])[turn + 1]
  lines[is_label] <- stri_sub(lines[is_label], stri_length(lab[is_label, 1]) + 1)
  text <- paste(lines[!(turn_speaker %in% who)], collapse = "\n")
  text <- stri_replace_all_regex(text, "\\b(\\p{L}+)-\\1\\b", "$1", case_insensitive = TRUE)

  toks <- fold(stri_split_boundaries(text, type = "word", skip_word_none = TRUE)[[1]])
  u <- unique(toks)
  su <- unlist(mget(u, envir = cache, ifnotfound = NA_character_), use.names = FALSE)
  miss <- is.na(su)
  if (any(miss)) {
    su[miss] <- stem(u[miss])
    list2env(setNames(as.list(su[miss]), u[miss]), envir = cache)
  }
  ix <- match(toks, u)
  st <- su[ix]
  tab <- tabulate(ix, length(u))
  by_stem <- rowsum(tab, su)

  counts <- setNames(numeric(length(codes)), codes)
  n_direct <- numeric(nrow(direct))
  n_direct[d_stem] <- by_stem[match(direct$key[d_stem], rownames(by_stem)), 1]
  n_direct[d_surface] <- tab[match(direct$key[d_surface], u)]
  for (i in which(d_prefix)) n_direct[i] <- sum(tab[startsWith(u, direct$key[i])])
  n_direct[is.na(n_direct)] <- 0
  agg <- rowsum(n_direct, direct$code)
  counts[rownames(agg)] <- counts[rownames(agg)] + agg[, 1]
  for (i in seq_along(phrase_stems)) {
    ps <- phrase_stems[[i]]
    at <- which(st == ps[1])
    for (j in seq_along(ps)[-1]) at <- at[!is.na(st[at + j - 1]) & st[at + j - 1] == ps[j]]
    counts[phrases$code[i]] <- counts[phrases$code[i]] + length(at)
  }
  for (i in seq_len(nrow(near_rules))) {
    r <- near_split[[i]]
    pa <- sort(unique(unlist(lapply(which(r$side == "a"), function(j) positions(r$kind[j], r$key[j], toks, st)))))
    pb <- sort(unique(unlist(lapply(which(r$side == "b"), function(j) positions(r$kind[j], r$key[j], toks, st)))))
    if (length(pa) && length(pb)) {
      n <- as.integer(near_rules$n[i])
      # nearest b at or before p, and at or after p, ignoring b == p (the same token)
      lo <- findInterval(pa - 1, pb)           # last b < p
      hi <- findInterval(pa, pb) + 1           # first b > p
      before <- lo > 0 & (pa - pb[pmax(lo, 1)]) <= n
      after <- hi <= length(pb) & (pb[pmin(hi, length(pb))] - pa) <= n
      counts[near_rules$code[i]] <- counts[near_rules$code[i]] + sum(before | after)
    }
  }
  h <- sum(counts)
  n_tokens <- n_tokens + length(toks)
  n_hits <- n_hits + h
  nz <- counts[counts > 0]
  writeLines(paste0(path, "\t", length(toks), "\t", h, "\t", paste0(names(nz), "=", nz, collapse = " ")), out)
}
close(out)
secs <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
message(sprintf('peer-summary: {"documents": %d, "bytes": %.0f, "tokens": %.0f, "hits": %.0f, "distinct_forms": %d, "tokenizer": "stringi (ICU word boundaries)", "seconds": %.3f}',
                length(files), n_bytes, n_tokens, n_hits, length(ls(cache)), secs))

//! The stems under which a noun of a phrase is found. Shared by the
//! dictionary compiler and `build.rs` (through `#[path]`), which computes
//! them ahead for the words of the built-in dictionaries: stemming a word
//! in thirty endings is the largest part of compiling them. Only `std` here.

/// Stems of the other case forms of a word matched by stem, its own stem
/// `stem` first. Snowball does not always give one stem to all forms of a
/// noun («органы» → «орга», «органов» → «орган»), so the word is put in the
/// common case endings and the stems that are a prefix of the word (three
/// letters at least, at most two shorter than its own stem) are accepted
/// too. `stem_of` is the stemmer ([`crate::morph::stem`]).
pub fn noun_keys<S: AsRef<str> + PartialEq>(
    norm: &str,
    stem: S,
    mut stem_of: impl FnMut(&str) -> S,
) -> Vec<S> {
    const ENDINGS: &[&str] = &[
        "", "а", "я", "у", "ю", "ы", "и", "е", "о", "ь", "ом", "ем", "ой", "ей", "ов", "ев", "ам", "ям",
        "ами", "ями", "ах", "ях", "ия", "ии", "ие", "ию", "ием", "ий", "ость", "ости",
    ];
    let min = stem.as_ref().chars().count().saturating_sub(2).max(3);
    let mut keys = vec![stem];
    // The longest ending the word has: «органы» → «орган» + «ы».
    let cut = ENDINGS.iter().filter(|e| norm.ends_with(*e)).max_by_key(|e| e.len()).copied().unwrap_or("");
    let root = &norm[..norm.len() - cut.len()];
    let root_len = root.chars().count();
    let mut word = String::with_capacity(root.len() + 8);
    for e in ENDINGS {
        // A stem is a prefix of its word, so a key that is also a prefix of
        // `norm` has at most the root and the part `e` shares with `cut`:
        // skip the endings that cannot give a new key of `min` letters
        // (`e == cut` gives `stem` itself).
        let shared = e.chars().zip(cut.chars()).take_while(|(a, b)| a == b).count();
        if *e == cut || root_len + shared < min {
            continue;
        }
        word.clear();
        word.push_str(root);
        word.push_str(e);
        let k = stem_of(&word);
        if norm.starts_with(k.as_ref()) && k.as_ref().chars().count() >= min && !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys
}

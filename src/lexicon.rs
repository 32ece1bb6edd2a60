//! The dictionaries under `data/`: known actors and their aliases, titles,
//! countries and who held which office when. Loaded once from files compiled
//! into the binary; nothing here touches the database.
//!
//! STUB: the lead engineer is filling this in; the signatures are fixed.

/// Other names the dictionary knows for `name` (its canonical name first is
/// not repeated). Empty when the dictionary does not know the actor.
pub fn aliases_for(name: &str) -> Vec<String> {
    let _ = name;
    Vec::new()
}

/// The roles an actor held, with dates, for `actors show`:
/// (country, title, start, end or None for incumbents).
pub fn roles_of(name: &str) -> Vec<(String, String, String, Option<String>)> {
    let _ = name;
    Vec::new()
}

//! [`Norm`]: the normal form of a token, shared by the tokens of one word.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A token's normal form (see [`super::normalize::norm_word`]). The tokens
/// of one word share one string: a checker's cache hands it out, so a
/// token costs no allocation of its own. Reads as a `&str`.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Norm(Arc<str>);

impl Norm {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Norm {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Norm {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Norm {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Norm {
    fn from(s: &str) -> Norm {
        Norm(Arc::from(s))
    }
}

impl From<String> for Norm {
    fn from(s: String) -> Norm {
        Norm(Arc::from(s))
    }
}

impl PartialEq<str> for Norm {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Norm {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Norm {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Norm> for str {
    fn eq(&self, other: &Norm) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Norm> for &str {
    fn eq(&self, other: &Norm) -> bool {
        *self == &*other.0
    }
}

impl fmt::Debug for Norm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Norm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl PartialEq<Norm> for String {
    fn eq(&self, other: &Norm) -> bool {
        **self == *other.0
    }
}

//! Korean particles and suffixes that may follow a name written in Hangul.

/// The closed list of particles and suffixes allowed right after a Hangul name
/// ("식약처는", "국회에서", "삼성바이오로직스의"); they are not part of the surface.
const PARTICLES: [&str; 32] = [
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "에서",
    "에게",
    "와",
    "과",
    "로",
    "으로",
    "도",
    "만",
    "까지",
    "부터",
    "처럼",
    "보다",
    "이며",
    "이다",
    "이고",
    "등",
    "과의",
    "와의",
    "에서는",
    "에는",
    "으로는",
    "로는",
    "측",
    "및",
];

/// True when `run`, the Hangul run right after a name, is one particle or two
/// particles in a row ("에서" + "도").
pub(crate) fn is_particle_run(run: &str) -> bool {
    is_particle(run)
        || PARTICLES.iter().any(|first| run.strip_prefix(first).is_some_and(is_particle))
}

fn is_particle(s: &str) -> bool {
    PARTICLES.contains(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_one_or_two_particles_only() {
        for (run, expected) in [
            ("는", true),
            ("에서", true),
            ("에서는", true),
            ("의", true),
            ("으로부터", true),
            ("과의", true),
            ("에서도", true),
            ("도만", true),
            ("로직스", false),
            ("협회", false),
            ("에서는의도", false),
            ("", false),
        ] {
            assert_eq!(is_particle_run(run), expected, "{run}");
        }
    }
}

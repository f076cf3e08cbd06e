/// A mouth shape class: the 15 visemes of MPEG-4 and Oculus Lipsync (docs/mouthing.md). Spoken-language files map
/// spellings to them (`Lexicon/spoken/*-visemes.txt`); the avatar's `Rigs/visemes.txt` gives each its face controls.
public enum Viseme: String, CaseIterable, Sendable, Hashable, Codable {
    /// Silence, the mouth at rest.
    case sil
    /// p b m: lips closed.
    case PP
    /// f v: lower lip to the upper teeth.
    case FF
    /// th: tongue between the teeth.
    case TH
    /// t d: tongue on the ridge, jaw a little open.
    case DD
    /// k g: back of the tongue raised, jaw a little open.
    case kk
    /// ch j sh zh: lips forward and rounded a little.
    case CH
    /// s z: teeth close, lips spread.
    case SS
    /// n l: tongue on the ridge, mouth a little open.
    case nn
    /// r: lips rounded a little.
    case RR
    /// a: jaw open.
    case aa
    /// e: mid open, spread.
    case E
    /// i: nearly closed, spread.
    case ih
    /// o: open and rounded.
    case oh
    /// u: rounded and pushed forward.
    case ou
}

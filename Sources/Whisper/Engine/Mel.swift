import Foundation

// port of https://github.com/openai/whisper/blob/main/whisper/audio.py (log_mel_spectrogram)
// and faster-whisper's feature_extractor.py (mel filters); whisper-notes.md §3.

/// Whisper's log-mel front-end: 25 ms periodic-Hann frames every 10 ms, power spectrum, Slaney mel, log10, clamp, scale.
///
/// The 201-bin DFT of each 400-sample frame is one matrix product with a cosine and a sine basis on OpenBLAS,
/// which is exact (no FFT size restriction) and fast enough (0.5 GFLOP per 30 s window).
final class LogMel {
    static let nFFT = 400
    static let hop = 160
    static let bins = nFFT / 2 + 1  // 201
    /// Mel frames per 30 s window.
    static let windowFrames = 3000
    /// Samples per 30 s window.
    static let windowSamples = windowFrames * hop

    let nMels: Int
    /// (nFFT, bins): Hann-windowed cos and −sin bases, so frame · basis gives Re and Im directly.
    private var cosine: [Float]
    private var sine: [Float]
    /// (nMels, bins): the Slaney filterbank.
    let filters: [Float]
    // Per-run buffers, allocated once.
    private var frames: [Float]    // (windowFrames, nFFT)
    private var real: [Float]      // (windowFrames, bins)
    private var imaginary: [Float] // (windowFrames, bins)
    private var melByTime: [Float] // (windowFrames, nMels)
    private var features: [Float]  // (nMels, windowFrames), returned (no copy once the caller let go of the last one)

    init(nMels: Int) {
        self.nMels = nMels
        let window = (0..<Self.nFFT).map { 0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(Self.nFFT)) }
        cosine = [Float](repeating: 0, count: Self.nFFT * Self.bins)
        sine = cosine
        for n in 0..<Self.nFFT {
            for k in 0..<Self.bins {
                let angle = 2 * Double.pi * Double((n * k) % Self.nFFT) / Double(Self.nFFT)
                cosine[n * Self.bins + k] = Float(window[n] * cos(angle))
                sine[n * Self.bins + k] = Float(-window[n] * sin(angle))
            }
        }
        filters = Self.slaneyFilters(nMels: nMels)
        frames = [Float](repeating: 0, count: Self.windowFrames * Self.nFFT)
        real = [Float](repeating: 0, count: Self.windowFrames * Self.bins)
        imaginary = real
        melByTime = [Float](repeating: 0, count: Self.windowFrames * nMels)
        features = melByTime
    }

    /// The log-mel window of 3000 frames starting at frame `firstFrame` of `samples`.
    ///
    /// Frame t is centred on sample t·160: reflect padding before sample 0 and zeros after the end of the input,
    /// as openai's zero-padded waveform gives. Frames from `validFrames` on are 0.0, as openai's `pad_or_trim`
    /// of the mel segment (and faster-whisper's feature padding) give.
    /// The clamp at max − 8 uses this window's maximum (openai: the whole file's), which agrees wherever a
    /// window holds the loudest speech; it lets long inputs stream.
    /// - Parameters:
    ///   - samples: 16 kHz mono audio; index 0 is frame 0's centre minus `sampleOffset`.
    ///   - sampleOffset: the absolute index of `samples[0]` (the streaming buffer drops consumed audio).
    ///   - totalSamples: the absolute number of samples in the input so far (later ones read as zeros).
    ///   - validFrames: frames of real content in this window (the last window of an input has fewer than 3000).
    /// - Returns: (nMels, 3000) row-major.
    func window(_ samples: UnsafeBufferPointer<Float>, sampleOffset: Int = 0, totalSamples: Int? = nil,
                firstFrame: Int, validFrames: Int = LogMel.windowFrames) -> [Float] {
        precondition(validFrames > 0 && validFrames <= Self.windowFrames, "valid frames")
        let total = totalSamples ?? sampleOffset + samples.count
        frames.withUnsafeMutableBufferPointer { out in
            for t in 0..<Self.windowFrames {
                let start = (firstFrame + t) * Self.hop - Self.nFFT / 2
                let row = out.baseAddress! + t * Self.nFFT
                for n in 0..<Self.nFFT {
                    var index = start + n
                    if index < 0 { index = -index }  // reflect at the start of the input
                    row[n] = index < total && index - sampleOffset >= 0 && index - sampleOffset < samples.count
                        ? samples[index - sampleOffset] : 0
                }
            }
        }
        // Re, Im (3000, 201) = frames (3000, 400) · basis (400, 201), one product per thread
        frames.withUnsafeBufferPointer { f in
        cosine.withUnsafeBufferPointer { c in
        sine.withUnsafeBufferPointer { s in
        real.withUnsafeMutableBufferPointer { r in
        imaginary.withUnsafeMutableBufferPointer { i in
            Parallel.blocks(2) { products, _ in
                for product in products {  // 0 real, 1 imaginary; both in one block on a single thread
                    let (basis, out) = product == 0 ? (c.baseAddress!, r.baseAddress!) : (s.baseAddress!, i.baseAddress!)
                    Linalg.gemmNN(m: Self.windowFrames, n: Self.bins, k: Self.nFFT, a: f.baseAddress!, b: basis, c: out)
                }
            }
        }}}}}
        // power (3000, 201), stored into `real`
        real.withUnsafeMutableBufferPointer { r in
            imaginary.withUnsafeBufferPointer { i in
                for j in 0..<r.count { r[j] = r[j] * r[j] + i[j] * i[j] }
            }
        }
        // mel (3000, nMels) = power (3000, 201) · filtersᵀ (201, nMels)
        real.withUnsafeBufferPointer { p in
            filters.withUnsafeBufferPointer { fb in
                melByTime.withUnsafeMutableBufferPointer { m in
                    Linalg.gemmNT(m: Self.windowFrames, n: nMels, k: Self.bins, a: p.baseAddress!, b: fb.baseAddress!, c: m.baseAddress!)
                }
            }
        }
        // log10, clamp at max − 8, (x + 4) / 4, transposed to (nMels, 3000); padding frames stay 0
        var maxValue = -Float.infinity
        features.withUnsafeMutableBufferPointer { out in
        melByTime.withUnsafeMutableBufferPointer { m in
            for j in 0..<(validFrames * nMels) {
                m[j] = log10(max(m[j], 1e-10))
                maxValue = max(maxValue, m[j])
            }
            let floor = maxValue - 8
            for t in 0..<validFrames {
                for b in 0..<nMels { out[b * Self.windowFrames + t] = (max(m[t * nMels + b], floor) + 4) / 4 }
            }
            for t in validFrames..<Self.windowFrames {
                for b in 0..<nMels { out[b * Self.windowFrames + t] = 0 }
            }
        }}
        return features
    }

    /// librosa `filters.mel(sr=16000, n_fft=400, n_mels:)`: Slaney mel scale and Slaney area normalisation, (nMels, 201).
    static func slaneyFilters(nMels: Int, sampleRate: Double = 16_000) -> [Float] {
        let fMin = 0.0, fMax = sampleRate / 2
        let fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logStep = log(6.4) / 27
        func hzToMel(_ f: Double) -> Double { f < minLogHz ? f / fSp : minLogMel + log(f / minLogHz) / logStep }
        func melToHz(_ m: Double) -> Double { m < minLogMel ? m * fSp : minLogHz * exp(logStep * (m - minLogMel)) }
        let melMin = hzToMel(fMin), melMax = hzToMel(fMax)
        let points = (0..<(nMels + 2)).map { melToHz(melMin + (melMax - melMin) * Double($0) / Double(nMels + 1)) }
        let fftFrequencies = (0..<bins).map { Double($0) * sampleRate / Double(nFFT) }
        var weights = [Float](repeating: 0, count: nMels * bins)
        for m in 0..<nMels {
            let enorm = 2 / (points[m + 2] - points[m])
            for k in 0..<bins {
                let lower = (fftFrequencies[k] - points[m]) / (points[m + 1] - points[m])
                let upper = (points[m + 2] - fftFrequencies[k]) / (points[m + 2] - points[m + 1])
                weights[m * bins + k] = Float(max(0, min(lower, upper)) * enorm)
            }
        }
        return weights
    }
}

import AnchorCore
import Foundation
import MediaIO
import Testing
import TestSupport

@Suite("Reading programme video and compositing the avatar")
struct VideoReaderTests {
    @Test("frames come back with their count, size, times and pictures")
    func readsFrames() throws {
        let folder = try TestFiles.temporaryFolder()
        let url = folder.appendingPathComponent("programme.mp4")
        try Shell.must("ffmpeg", ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=192x108:rate=25", "-t", "2",
                                  "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "10", url.path])
        let reader = try VideoReader(path: url.path)
        #expect(reader.width == 192 && reader.height == 108)
        #expect(reader.frameRate == 25)
        var frames: [(time: Double, image: RGBAImage)] = []
        while let frame = try reader.next() { frames.append(frame) }
        #expect(frames.count == 50)
        for (index, frame) in frames.enumerated() { #expect(abs(frame.time - Double(index) / 25) < 1e-6) }
        let reference = try TestMedia.decodeFrames(url, width: 192, height: 108)
        #expect(Signals.psnr(frames[17].image.pixels, reference[17]) > 40)
    }

    @Test("an audio-only file is refused as video")
    func audioOnly() throws {
        let tone = try TestMedia.tone(in: try TestFiles.temporaryFolder(), seconds: 1)
        #expect(throws: MediaIOError.self) { try VideoReader(path: tone.path) }
    }

    @Test("picture-in-picture placement and alpha blending")
    func composite() {
        var frame = RGBAImage(width: 100, height: 80, fill: (0, 0, 200, 255))
        var inset = RGBAImage(width: 20, height: 10, fill: (255, 255, 255, 255))
        inset.pixels[3] = 0          // a transparent corner pixel
        inset.pixels[7] = 128        // a half-covered edge pixel
        let placement = PictureInPicture(corner: .bottomRight, margin: 5)
        let origin = placement.origin(insetWidth: 20, insetHeight: 10, frameWidth: 100, frameHeight: 80)
        #expect(origin.x == 75 && origin.y == 65)
        frame.composite(inset, x: origin.x, y: origin.y)
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(frame.pixels[(y * 100 + x) * 4..<(y * 100 + x) * 4 + 4]) }
        #expect(pixel(75, 65) == [0, 0, 200, 255])       // transparent: programme shows through
        #expect(pixel(76, 65) == [128, 128, 228, 255])   // half: an even mix
        #expect(pixel(80, 70) == [255, 255, 255, 255])   // opaque: the inset
        #expect(pixel(74, 65) == [0, 0, 200, 255])       // outside: untouched
        frame.composite(inset, x: 95, y: -5)             // clipped at the edges, no crash
        #expect(pixel(99, 0) == [255, 255, 255, 255])
    }
}

import AnchorCore

/// Where a picture-in-picture goes on the programme picture.
public struct PictureInPicture: Sendable, Equatable {
    /// Which corner the inset sits in.
    public enum Corner: String, Sendable, CaseIterable, Codable {
        case bottomRight = "bottom-right", bottomLeft = "bottom-left", topRight = "top-right", topLeft = "top-left"
    }

    /// The corner.
    public var corner: Corner
    /// Gap between the inset and the picture's edges, in pixels.
    public var margin: Int

    /// Creates a placement.
    public init(corner: Corner = .bottomRight, margin: Int = 24) {
        self.corner = corner
        self.margin = margin
    }

    /// Top-left position of a `width`×`height` inset on a `frameWidth`×`frameHeight` picture.
    public func origin(insetWidth width: Int, insetHeight height: Int, frameWidth: Int, frameHeight: Int) -> (x: Int, y: Int) {
        let left = margin, right = frameWidth - width - margin
        let top = margin, bottom = frameHeight - height - margin
        return switch corner {
        case .bottomRight: (right, bottom)
        case .bottomLeft: (left, bottom)
        case .topRight: (right, top)
        case .topLeft: (left, top)
        }
    }
}

extension RGBAImage {
    /// Blends `overlay` (straight alpha) over this picture with its top-left corner at (`x`, `y`);
    /// the parts outside the picture are clipped. This picture's alpha is kept.
    public mutating func composite(_ overlay: RGBAImage, x: Int, y: Int) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + overlay.width), y1 = min(height, y + overlay.height)
        guard x0 < x1, y0 < y1 else { return }
        let frameWidth = width
        overlay.pixels.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                for row in y0..<y1 {
                    for column in x0..<x1 {
                        let s = ((row - y) * overlay.width + (column - x)) * 4, t = (row * frameWidth + column) * 4
                        let alpha = UInt32(source[s + 3])
                        guard alpha > 0 else { continue }
                        for channel in 0..<3 {
                            let blended = (UInt32(source[s + channel]) * alpha + UInt32(target[t + channel]) * (255 - alpha) + 127) / 255
                            target[t + channel] = UInt8(blended)
                        }
                    }
                }
            }
        }
    }
}

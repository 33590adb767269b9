import CRsvg
import Foundation

/// The chart's SVG (the one the HTML report shows) drawn by librsvg into a PNG, for Word, which
/// cannot show SVG. `scale` 2 gives about 150 dpi at the size the DOCX places it.
func pngImage(svg: String, width: Int, height: Int, scale: Int = 2) -> Data? {
    let bytes = Array(svg.utf8)
    var error: UnsafeMutablePointer<GError>?
    guard let handle = bytes.withUnsafeBufferPointer({ rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }) else {
        if let error { g_error_free(error) }
        return nil
    }
    defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
    guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width * scale), Int32(height * scale)) else { return nil }
    defer { cairo_surface_destroy(surface) }
    guard let cr = cairo_create(surface) else { return nil }
    defer { cairo_destroy(cr) }
    // White, not transparent: Word and LibreOffice print transparency as black on some printers.
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_paint(cr)
    var viewport = RsvgRectangle(x: 0, y: 0, width: Double(width * scale), height: Double(height * scale))
    guard rsvg_handle_render_document(handle, cr, &viewport, &error) != 0 else {
        if let error { g_error_free(error) }
        return nil
    }
    cairo_surface_flush(surface)
    let sink = PNGSink()
    let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().data.append(data, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }, Unmanaged.passUnretained(sink).toOpaque())
    return status == CAIRO_STATUS_SUCCESS ? sink.data : nil
}

private final class PNGSink {
    var data = Data()
}

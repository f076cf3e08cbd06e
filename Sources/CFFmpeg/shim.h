#ifndef CFFMPEG_SHIM_H
#define CFFMPEG_SHIM_H

#include <errno.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/samplefmt.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>

// Function-like and compound-literal macros are invisible to Swift's ClangImporter:
// re-expose the ones MediaIO needs as static inline functions (prefix cff_ avoids clashes).
static inline int cff_averror(int posix_errno) { return AVERROR(posix_errno); }
static inline int cff_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int cff_averror_eof(void) { return AVERROR_EOF; }
static inline int cff_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
static inline AVRational cff_time_base_q(void) { return AV_TIME_BASE_Q; }
static inline int64_t cff_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline AVChannelLayout cff_ch_layout_mono(void) {
    AVChannelLayout l = AV_CHANNEL_LAYOUT_MONO; return l;
}
static inline AVChannelLayout cff_ch_layout_stereo(void) {
    AVChannelLayout l = AV_CHANNEL_LAYOUT_STEREO; return l;
}

#endif

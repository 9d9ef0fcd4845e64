// The SDL2 headers, seen by Swift as module CSDL2 (pkg-config sdl2 gives the include path).
#include <SDL2/SDL.h>

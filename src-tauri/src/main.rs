//! The desktop binary: only starts the app defined in the library.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    streamlens_desktop::run()
}

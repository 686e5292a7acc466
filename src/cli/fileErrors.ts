/**
 * File-system failures in the user's words. Every error code Node's fs can give the CLI when it
 * reads an input or writes an output has a Chinese sentence here; a code not listed still gets
 * one (naming the code for a support call), never the system's English text.
 */

/** True for an error the operating system raised (it carries an errno code such as "EACCES"). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as NodeJS.ErrnoException).code === "string" &&
    /^E[A-Z0-9]+$|^UNKNOWN$/.test((error as NodeJS.ErrnoException).code as string)
  );
}

/** What each code means for someone writing or reading a file, without the system's jargon. */
const FILE_ERROR_TEXTS: Readonly<Record<string, string>> = {
  ENOENT: "目标文件夹不存在",
  ENOTDIR: "路径中有一段是文件而不是文件夹",
  EISDIR: "这是一个文件夹，请给出文件名",
  EACCES: "没有访问权限（文件或文件夹只读，或属于其他用户）",
  EPERM: "系统不允许修改这个文件（文件可能被设为不可更改，或正在 Excel 中打开）",
  EROFS: "所在磁盘或文件夹是只读的（如光盘、写保护的 U 盘或只读挂载的网络盘）",
  EBUSY: "文件正被其他程序占用（请先在 Excel 或 WPS 中关闭它）",
  ETXTBSY: "文件正被其他程序使用，暂时不能改写",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "已超出分配给您的磁盘空间",
  EFBIG: "文件超出了这个磁盘允许的大小",
  EOVERFLOW: "文件太大，系统无法处理",
  ENAMETOOLONG: "文件名或路径太长，请换一个短一些的名称或文件夹",
  ELOOP: "路径中的快捷方式（符号链接）层层相指，找不到真正的文件",
  EMFILE: "同时打开的文件太多，请关闭一些程序后再试",
  ENFILE: "系统同时打开的文件太多，请稍后再试",
  EIO: "磁盘读写出错（磁盘或 U 盘可能已损坏或已拔出）",
  EXDEV: "不能在两个磁盘之间直接移动文件",
  EEXIST: "同名文件已存在",
  ENOTEMPTY: "文件夹不是空的",
  EINVAL: "系统不接受这个文件名或这种写入方式",
  ENXIO: "目标设备不存在，或没有程序在接收",
  ENODEV: "目标设备不存在",
  EPIPE: "接收输出的程序已经关闭",
  ECONNRESET: "与网络磁盘的连接中断",
  ECONNREFUSED: "网络磁盘拒绝连接",
  ECONNABORTED: "与网络磁盘的连接中断",
  ENETDOWN: "网络不可用，无法访问网络磁盘",
  ENETUNREACH: "网络不可达，无法访问网络磁盘",
  EHOSTUNREACH: "找不到网络磁盘所在的计算机",
  EHOSTDOWN: "网络磁盘所在的计算机没有响应",
  ETIMEDOUT: "网络磁盘响应超时",
  ESTALE: "网络磁盘上的文件已失效（请重新连接网络盘后再试）",
  EAGAIN: "目标暂时不可用，请稍后再试",
  EWOULDBLOCK: "目标暂时不可用，请稍后再试",
  EINTR: "操作被中断，请再试一次",
  ECANCELED: "操作被取消",
  ENOMEM: "内存不足",
  ENOBUFS: "系统缓冲区不足，请稍后再试",
  ENOTSUP: "这个磁盘或文件系统不支持所需的操作",
  EOPNOTSUPP: "这个磁盘或文件系统不支持所需的操作",
  ENOSYS: "这个系统不支持所需的操作",
  EMLINK: "这个文件的链接太多",
  ESPIPE: "目标不能按文件方式写入",
  EBADF: "文件已被关闭，无法继续读写",
  EFAULT: "系统读写文件时出错",
  ENOTSOCK: "目标不是可写入的文件",
  ENOTCONN: "目标没有连接",
  ESHUTDOWN: "接收输出的一方已经关闭",
  ENOLCK: "系统无法给文件加锁",
  EDEADLK: "系统检测到文件锁冲突，请再试一次",
  ERANGE: "系统返回的结果超出范围",
  E2BIG: "参数太长",
  ECHILD: "系统进程出错",
  EILSEQ: "文件名含有系统无法识别的字符",
  ENOTBLK: "目标不是块设备",
  ENOEXEC: "文件无法执行",
  EUNATCH: "设备驱动不可用",
  UNKNOWN: "操作系统报告了未知错误",
};

/** A file-system error as a short Chinese clause (no full stop): "磁盘空间不足". */
export function fileErrorText(error: unknown): string {
  const code = isSystemError(error) ? (error.code as string) : undefined;
  if (code !== undefined) {
    const text = FILE_ERROR_TEXTS[code];
    if (text !== undefined) return text;
    return "操作系统拒绝了这次操作（错误代码 " + code + "）";
  }
  return "操作系统报告了未知错误";
}

/** The codes that have their own sentence (for the tests: each must read as Chinese). */
export function knownFileErrorCodes(): string[] {
  return Object.keys(FILE_ERROR_TEXTS);
}
